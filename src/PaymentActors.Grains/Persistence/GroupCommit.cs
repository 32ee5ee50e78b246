namespace PaymentActors.Grains.Persistence;

/// <summary>
/// Batches durability: every change applied while a write is in flight is persisted by the next single write,
/// and each caller's task completes only when a write that includes its change has completed. When a write fails,
/// its callers and the callers queued behind it (whose changes were applied on top of the lost ones) all fail.
/// Used from a grain's single-threaded scheduler only.
/// </summary>
internal sealed class GroupCommit(Func<Task> writeAsync, Action<Exception> onWriteFailed)
{
    private TaskCompletionSource? _queued;
    private TaskCompletionSource? _inFlight;
    private bool _flushing;

    /// <summary>Completes when a write that starts after this call has completed.</summary>
    public Task CommitAsync()
    {
        var queued = _queued ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_flushing)
        {
            _ = FlushAsync();
        }

        return queued.Task;
    }

    /// <summary>Completes when everything applied so far is durable (at once when nothing is pending).</summary>
    public Task WhenDurableAsync() => _queued?.Task ?? _inFlight?.Task ?? Task.CompletedTask;

    private async Task FlushAsync()
    {
        _flushing = true;
        try
        {
            while (_queued is { } batch)
            {
                _queued = null;
                _inFlight = batch;
                try
                {
                    await writeAsync();
                }
                catch (Exception exception)
                {
                    var behind = _queued;
                    _queued = null;
                    onWriteFailed(exception);
                    batch.TrySetException(exception);
                    behind?.TrySetException(exception);
                    return;
                }
                finally
                {
                    _inFlight = null;
                }

                batch.TrySetResult();
            }
        }
        finally
        {
            _flushing = false;
        }
    }
}
