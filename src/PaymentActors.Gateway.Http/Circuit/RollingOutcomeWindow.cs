namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// Failure and success counts over a sliding window, in ten buckets. Polly keeps its own counts private;
/// this mirrors them for observation only and never decides anything.
/// </summary>
internal sealed class RollingOutcomeWindow
{
    private const int BucketCount = 10;

    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _bucketTicks;
    private readonly long[] _bucketIndex = new long[BucketCount];
    private readonly long[] _failures = new long[BucketCount];
    private readonly long[] _successes = new long[BucketCount];

    public RollingOutcomeWindow(TimeSpan window, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _bucketTicks = Math.Max(1, window.Ticks / BucketCount);
        Array.Fill(_bucketIndex, long.MinValue);
    }

    public void Record(bool failed)
    {
        var index = CurrentIndex();
        var slot = (int)(index % BucketCount);
        lock (_gate)
        {
            if (_bucketIndex[slot] != index)
            {
                _bucketIndex[slot] = index;
                _failures[slot] = 0;
                _successes[slot] = 0;
            }

            if (failed)
            {
                _failures[slot]++;
            }
            else
            {
                _successes[slot]++;
            }
        }
    }

    public (long Failures, long Successes) Read()
    {
        var index = CurrentIndex();
        long failed = 0, succeeded = 0;
        lock (_gate)
        {
            for (var slot = 0; slot < BucketCount; slot++)
            {
                if (_bucketIndex[slot] > index - BucketCount)
                {
                    failed += _failures[slot];
                    succeeded += _successes[slot];
                }
            }
        }

        return (failed, succeeded);
    }

    private long CurrentIndex() => _timeProvider.GetUtcNow().UtcTicks / _bucketTicks;
}
