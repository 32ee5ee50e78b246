using PaymentActors.Repeats;

namespace PaymentActors.Gateway;

/// <summary>The gateway's circuit breakers across the cluster, one per active silo (key 0).</summary>
[Alias("PaymentActors.IClusterGatewayGrain")]
public interface IClusterGatewayGrain : IGrainWithIntegerKey
{
    /// <summary>Each active silo's breaker for <paramref name="provider"/>; a silo that does not answer in time is left out.</summary>
    [SafeToRepeat]
    [Alias("GetHealthAsync")]
    Task<IReadOnlyList<SiloGatewayHealth>> GetHealthAsync(string provider);

    /// <summary>Every provider as each active silo sees it (configuration, breaker, call figures); a silo that does not answer in time is left out.</summary>
    [Alias("GetProviderReportsAsync")]
    Task<IReadOnlyList<SiloProviderReport>> GetProviderReportsAsync();
}
