using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Gateway;

/// <summary>Reports the breaker of the gateway client in this silo.</summary>
public sealed class GatewayHealthService(
    GrainId grainId,
    Silo silo,
    ILoggerFactory loggerFactory,
    IGatewayHealthSource health,
    IGatewayProviderCatalog catalog,
    GatewayProviderStats stats)
    : GrainService(grainId, silo, loggerFactory), IGatewayHealthService
{
    public Task<GatewayHealth> GetHealthAsync(string provider) => Task.FromResult(health.GetHealth(provider));

    public Task<IReadOnlyList<SiloProviderReport>> GetProviderReportsAsync() => Task.FromResult<IReadOnlyList<SiloProviderReport>>(
        catalog.Providers.Select(p => new SiloProviderReport(string.Empty, p, health.GetHealth(p.Name), stats.Figures(p.Name), p.Name == catalog.Default.Name)).ToArray());
}
