namespace PaymentActors.Cli.Running;

/// <summary>Live counters shared by every client; only for progress and the report, never for the audit.</summary>
internal sealed class RunCounters
{
    private long _sent;
    private long _accepted;
    private long _rejected;
    private long _completed;
    private long _failed;
    private long _outstanding;
    private long _transportErrors;
    private long _replaysSent;
    private long _replaysMatched;
    private long _concurrentDuplicates;
    private long _keyReuseProbes;
    private long _keyReuseRefused;
    private long _refundsConfirmed;
    private long _refundsRefused;
    private long _cancelsConfirmed;
    private long _cancelsRefused;
    private long _topUps;
    private long _samplerErrors;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Completed => Interlocked.Read(ref _completed);
    public long Failed => Interlocked.Read(ref _failed);
    public long Outstanding => Interlocked.Read(ref _outstanding);
    public long TransportErrors => Interlocked.Read(ref _transportErrors);
    public long ReplaysSent => Interlocked.Read(ref _replaysSent);
    public long ReplaysMatched => Interlocked.Read(ref _replaysMatched);
    public long ConcurrentDuplicates => Interlocked.Read(ref _concurrentDuplicates);
    public long KeyReuseProbes => Interlocked.Read(ref _keyReuseProbes);
    public long KeyReuseRefused => Interlocked.Read(ref _keyReuseRefused);
    public long RefundsConfirmed => Interlocked.Read(ref _refundsConfirmed);
    public long RefundsRefused => Interlocked.Read(ref _refundsRefused);
    public long CancelsConfirmed => Interlocked.Read(ref _cancelsConfirmed);
    public long CancelsRefused => Interlocked.Read(ref _cancelsRefused);
    public long TopUps => Interlocked.Read(ref _topUps);
    public long SamplerErrors => Interlocked.Read(ref _samplerErrors);

    public void PaymentSent()
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Increment(ref _outstanding);
    }

    public void PaymentAccepted() => Interlocked.Increment(ref _accepted);

    public void PaymentRejected()
    {
        Interlocked.Increment(ref _rejected);
        Interlocked.Decrement(ref _outstanding);
    }

    /// <summary>A client stopped following its payment without seeing it finish; the drain takes over.</summary>
    public void PaymentLeftToDrain() => Interlocked.Decrement(ref _outstanding);

    public void PaymentSettled(bool completedPayment)
    {
        Interlocked.Increment(ref completedPayment ? ref _completed : ref _failed);
        Interlocked.Decrement(ref _outstanding);
    }

    public void TransportError() => Interlocked.Increment(ref _transportErrors);
    public void ReplaySent(bool matched)
    {
        Interlocked.Increment(ref _replaysSent);
        if (matched) Interlocked.Increment(ref _replaysMatched);
    }

    public void ConcurrentDuplicateSent() => Interlocked.Increment(ref _concurrentDuplicates);
    public void KeyReuseProbed(bool refused)
    {
        Interlocked.Increment(ref _keyReuseProbes);
        if (refused) Interlocked.Increment(ref _keyReuseRefused);
    }

    public void Refund(bool confirmed) => Interlocked.Increment(ref confirmed ? ref _refundsConfirmed : ref _refundsRefused);
    public void Cancel(bool confirmed) => Interlocked.Increment(ref confirmed ? ref _cancelsConfirmed : ref _cancelsRefused);
    public void TopUp() => Interlocked.Increment(ref _topUps);
    public void SamplerError() => Interlocked.Increment(ref _samplerErrors);
}
