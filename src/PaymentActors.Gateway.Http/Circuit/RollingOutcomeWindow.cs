namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// Failure and success counts over a sliding window, in ten buckets. Polly keeps its own counts private;
/// this mirrors them for observation only and never decides anything.
/// </summary>
internal sealed class RollingOutcomeWindow
{
    private const int BucketCount = 10;

    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly long bucketTicks;
    private readonly long[] bucketIndex = new long[BucketCount];
    private readonly long[] failures = new long[BucketCount];
    private readonly long[] successes = new long[BucketCount];

    public RollingOutcomeWindow(TimeSpan window, TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        bucketTicks = Math.Max(1, window.Ticks / BucketCount);
        Array.Fill(bucketIndex, long.MinValue);
    }

    public void Record(bool failed)
    {
        var index = CurrentIndex();
        var slot = (int)(index % BucketCount);
        lock (gate)
        {
            if (bucketIndex[slot] != index)
            {
                bucketIndex[slot] = index;
                failures[slot] = 0;
                successes[slot] = 0;
            }

            if (failed)
            {
                failures[slot]++;
            }
            else
            {
                successes[slot]++;
            }
        }
    }

    public (long Failures, long Successes) Read()
    {
        var index = CurrentIndex();
        long failed = 0, succeeded = 0;
        lock (gate)
        {
            for (var slot = 0; slot < BucketCount; slot++)
            {
                if (bucketIndex[slot] > index - BucketCount)
                {
                    failed += failures[slot];
                    succeeded += successes[slot];
                }
            }
        }

        return (failed, succeeded);
    }

    private long CurrentIndex() => timeProvider.GetUtcNow().UtcTicks / bucketTicks;
}
