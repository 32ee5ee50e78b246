using HdrHistogram;

namespace PaymentActors.Cli.Metrics;

/// <summary>
/// Records latencies from many workers into one HDR histogram, in microseconds from 1 µs to 10 minutes.
/// A lock is enough: recording costs nanoseconds against requests that cost milliseconds.
/// </summary>
internal sealed class LatencyRecorder
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;
    private readonly LongHistogram _histogram = new(1, HighestMicroseconds, 3);
    private readonly Lock _gate = new();

    public void Record(TimeSpan latency)
    {
        var microseconds = Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds);
        lock (_gate)
        {
            _histogram.RecordValue(microseconds);
        }
    }

    public LatencySummary Summarize()
    {
        lock (_gate)
        {
            if (_histogram.TotalCount == 0)
            {
                return LatencySummary.Empty;
            }

            return new LatencySummary(
                _histogram.TotalCount,
                Milliseconds(_histogram.GetValueAtPercentile(50)),
                Milliseconds(_histogram.GetValueAtPercentile(90)),
                Milliseconds(_histogram.GetValueAtPercentile(99)),
                Milliseconds(_histogram.GetValueAtPercentile(99.9)),
                Milliseconds(_histogram.GetMaxValue()),
                _histogram.GetMean() / 1000.0);
        }
    }

    private static double Milliseconds(long microseconds) => microseconds / 1000.0;
}
