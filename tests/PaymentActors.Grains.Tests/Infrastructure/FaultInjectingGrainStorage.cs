using System.Collections.Concurrent;
using Orleans.Storage;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// Wraps a real grain storage: counts reads and writes per grain, remembers the last state each grain made durable,
/// and fails chosen writes on demand, as a storage outage would.
/// </summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, int> _writeAttempts = new();
    private readonly ConcurrentDictionary<GrainId, int> _reads = new();
    private readonly ConcurrentDictionary<GrainId, object?> _durable = new();
    private int _writesToFail;
    private int _writesToLetThrough;
    private Func<string, Exception>? _failure;
    private int _answersToLose;
    private string? _onlyGrainType;
    private GrainId? _onlyGrain;
    private TaskCompletionSource? _gate;
    private int _writesHeld;

    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    /// <summary>Every write asked of the storage, including those that failed (injected or refused for a stale ETag).</summary>
    public int WriteAttemptsOf(GrainId grainId) => _writeAttempts.GetValueOrDefault(grainId);

    public int ReadsOf(GrainId grainId) => _reads.GetValueOrDefault(grainId);

    public T? DurableStateOf<T>(GrainId grainId) where T : class => _durable.GetValueOrDefault(grainId) as T;

    /// <summary>
    /// The next <paramref name="count"/> writes (of the given grain type, or of any grain) fail before reaching storage,
    /// with <paramref name="failure"/>'s exception (given the write's description), or an <see cref="IOException"/> as
    /// in a storage outage.
    /// </summary>
    public void FailNextWrites(int count, string? grainType = null, Func<string, Exception>? failure = null)
    {
        _onlyGrainType = grainType;
        _onlyGrain = null;
        _writesToLetThrough = 0;
        _failure = failure;
        Interlocked.Exchange(ref _writesToFail, count);
    }

    /// <summary>
    /// After letting <paramref name="after"/> writes of one grain through, its next <paramref name="count"/> writes fail
    /// with <paramref name="failure"/>'s exception.
    /// </summary>
    public void FailNextWritesOf(GrainId grain, int count, Func<string, Exception> failure, int after = 0)
    {
        _onlyGrainType = null;
        _onlyGrain = grain;
        _failure = failure;
        Interlocked.Exchange(ref _writesToLetThrough, after);
        Interlocked.Exchange(ref _writesToFail, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> writes of the grain type land, but their caller sees a conflict and keeps its old
    /// ETag, as after a storage client retried an insert that had succeeded and got 409.
    /// </summary>
    public void LoseNextWriteAnswers(int count, string grainType)
    {
        _onlyGrainType = grainType;
        _onlyGrain = null;
        Interlocked.Exchange(ref _answersToLose, count);
    }

    /// <summary>Writes wait until <see cref="ReleaseWrites"/>, as they would behind a slow storage.</summary>
    public void HoldWrites()
    {
        _writesHeld = 0;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void ReleaseWrites() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    /// <summary>How many writes are waiting behind <see cref="HoldWrites"/>.</summary>
    public int WritesHeld => Volatile.Read(ref _writesHeld);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writeAttempts.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        var targeted = _onlyGrain is { } only ? only == grainId : _onlyGrainType is null || grainId.Type.ToString() == _onlyGrainType;
        var letThrough = targeted && Volatile.Read(ref _writesToLetThrough) > 0 && Interlocked.Decrement(ref _writesToLetThrough) >= 0;
        if (targeted && !letThrough && Volatile.Read(ref _writesToFail) > 0 && Interlocked.Decrement(ref _writesToFail) >= 0)
        {
            var write = $"writing {stateName} of {grainId}";
            throw _failure?.Invoke(write) ?? new IOException($"Injected storage failure {write}.");
        }

        if (Volatile.Read(ref _gate) is { } gate)
        {
            Interlocked.Increment(ref _writesHeld);
            await gate.Task;
        }

        var etagBefore = grainState.ETag;
        await inner.WriteStateAsync(stateName, grainId, grainState);
        _durable[grainId] = grainState.State;
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        if (targeted && Volatile.Read(ref _answersToLose) > 0 && Interlocked.Decrement(ref _answersToLose) >= 0)
        {
            grainState.ETag = etagBefore;
            throw new InconsistentStateException($"Injected lost answer writing {stateName} of {grainId}: the write landed.");
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
