using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Recovery;

/// <summary>
/// This silo's view of the payments its recovery partitions track (sagas under way that a reminder would resume), as
/// two gauges: how many, and how long the oldest has been tracked. Each partition mirrors its list here, so a scrape
/// reads concurrent dictionaries and never the grain's own state. A payment answered by <c>?wait=true</c> is tracked
/// only once its wait ended, so its age counts from then.
/// </summary>
public sealed class UnfinishedPayments
{
    public const string CountInstrument = "paymentactors.payments.unfinished";
    public const string OldestAgeInstrument = "paymentactors.payments.unfinished.oldest_age";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, DateTimeOffset>> _partitions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public UnfinishedPayments(IMeterFactory meterFactory, [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(PaymentMetrics.MeterName);
        meter.CreateObservableGauge(
            CountInstrument, () => Count, "{payment}", "Payments whose saga is under way, tracked by this silo's recovery partitions.");
        meter.CreateObservableGauge(
            OldestAgeInstrument, OldestAgeSeconds, "s", "How long the oldest payment tracked by this silo's recovery partitions has been unfinished (0 when none).");
    }

    /// <summary>Starts (or restarts) mirroring a partition with what it tracks now.</summary>
    public void Reset(string partition, IReadOnlyDictionary<string, DateTimeOffset> tracked) =>
        _partitions[partition] = new ConcurrentDictionary<string, DateTimeOffset>(tracked, StringComparer.Ordinal);

    public void Tracked(string partition, string paymentId, DateTimeOffset at) => Partition(partition)[paymentId] = at;

    public void Forgotten(string partition, string paymentId) => Partition(partition).TryRemove(paymentId, out _);

    /// <summary>The partition left this silo (deactivated): another silo reports it now.</summary>
    public void Stopped(string partition) => _partitions.TryRemove(partition, out _);

    /// <summary>Whether a recovery partition on this silo tracks <paramref name="paymentId"/>.</summary>
    public bool Tracks(string paymentId) => _partitions.Values.Any(p => p.ContainsKey(paymentId));

    public long Count => _partitions.Values.Sum(p => (long)p.Count);

    public double OldestAgeSeconds()
    {
        var now = _time.GetUtcNow();
        var oldest = _partitions.Values.SelectMany(p => p.Values).DefaultIfEmpty(now).Min();
        return Math.Max(0, (now - oldest).TotalSeconds);
    }

    private ConcurrentDictionary<string, DateTimeOffset> Partition(string partition) =>
        _partitions.GetOrAdd(partition, static _ => new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal));
}
