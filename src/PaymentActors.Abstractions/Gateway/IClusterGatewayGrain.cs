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
}
