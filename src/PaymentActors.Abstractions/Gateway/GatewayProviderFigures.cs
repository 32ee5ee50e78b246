namespace PaymentActors.Gateway;

/// <summary>
/// What one silo (or, summed, the cluster) saw of calls to one provider since start: attempts, their outcomes,
/// failovers away from it and to it, and latency.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.GatewayProviderFigures")]
public sealed record GatewayProviderFigures(
    [property: Id(0)] string Provider,
    [property: Id(1)] long Attempts,
    [property: Id(2)] long Approvals,
    [property: Id(3)] long Declines,
    [property: Id(4)] long NotProcessed,
    [property: Id(5)] long Unknown,
    [property: Id(6)] long FailoversFrom,
    [property: Id(7)] long FailoversTo,
    [property: Id(8)] double LatencyTotalMs,
    [property: Id(9)] double LatencyMaxMs)
{
    public static GatewayProviderFigures Empty(string provider) => new(provider, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double LatencyMeanMs => Attempts == 0 ? 0 : LatencyTotalMs / Attempts;

    public GatewayProviderFigures Add(GatewayProviderFigures other) => new(
        Provider,
        Attempts + other.Attempts,
        Approvals + other.Approvals,
        Declines + other.Declines,
        NotProcessed + other.NotProcessed,
        Unknown + other.Unknown,
        FailoversFrom + other.FailoversFrom,
        FailoversTo + other.FailoversTo,
        LatencyTotalMs + other.LatencyTotalMs,
        Math.Max(LatencyMaxMs, other.LatencyMaxMs));
}
