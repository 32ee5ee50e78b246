using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Gateway;

/// <summary>Reports the breaker of the gateway client in this silo.</summary>
public sealed class GatewayHealthService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, IGatewayHealthSource health)
    : GrainService(grainId, silo, loggerFactory), IGatewayHealthService
{
    public Task<GatewayHealth> GetHealthAsync(string provider) => Task.FromResult(health.GetHealth(provider));
}
