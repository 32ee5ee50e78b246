using PaymentActors.Repeats;

namespace PaymentActors.Metrics;

/// <summary>The cluster-wide metrics: asks every partition's collector and adds them up.</summary>
[Alias("PaymentActors.IMetricsSummaryGrain")]
public interface IMetricsSummaryGrain : IGrainWithIntegerKey
{
    [SafeToRepeat]
    [Alias("GetSummaryAsync")]
    Task<MetricsSnapshot> GetSummaryAsync();
}
