using Orleans.Concurrency;
using PaymentActors.Events;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>Adds up every partition's collector; stateless, so any silo can answer.</summary>
[StatelessWorker]
public sealed class MetricsSummaryGrain : Grain, IMetricsSummaryGrain
{
    public async Task<MetricsSnapshot> GetSummaryAsync()
    {
        var partitions = await Task.WhenAll(EventStreams.AllPartitionKeys
            .Select(key => GrainFactory.GetGrain<IMetricsCollectorGrain>(key).GetSnapshotAsync()));
        return partitions.Aggregate(MetricsSnapshot.Empty, (sum, partition) => sum.Merge(partition));
    }
}
