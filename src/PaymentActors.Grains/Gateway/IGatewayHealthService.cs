using Orleans.Services;
using PaymentActors.Gateway;

namespace PaymentActors.Grains.Gateway;

/// <summary>One per silo: that silo's circuit breaker, reachable by silo address (as the dashboard reaches each silo).</summary>
[Alias("PaymentActors.Grains.IGatewayHealthService")]
public interface IGatewayHealthService : IGrainService
{
    [Alias("GetHealthAsync")]
    Task<GatewayHealth> GetHealthAsync(string provider);

    /// <summary>Every provider of this silo: configuration, breaker and call figures (the silo is named by the caller).</summary>
    [Alias("GetProviderReportsAsync")]
    Task<IReadOnlyList<SiloProviderReport>> GetProviderReportsAsync();
}
