namespace PaymentActors.Metrics;

/// <summary>Counts the events of one stream partition (key = partition key).</summary>
[Alias("PaymentActors.IMetricsCollectorGrain")]
public interface IMetricsCollectorGrain : IGrainWithStringKey
{
    [Alias("GetSnapshotAsync")]
    Task<MetricsSnapshot> GetSnapshotAsync();
}
