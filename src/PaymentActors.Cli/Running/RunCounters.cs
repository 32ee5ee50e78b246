namespace PaymentActors.Cli.Running;

/// <summary>Live counters shared by every client; only for progress and the report, never for the audit.</summary>
internal sealed class RunCounters
{
    private long sent;
    private long accepted;
    private long rejected;
    private long completed;
    private long failed;
    private long outstanding;
    private long transportErrors;
    private long replaysSent;
    private long replaysMatched;
    private long concurrentDuplicates;
    private long keyReuseProbes;
    private long keyReuseRefused;
    private long refundsConfirmed;
    private long refundsRefused;
    private long cancelsConfirmed;
    private long cancelsRefused;
    private long topUps;
    private long samplerErrors;

    public long Sent => Interlocked.Read(ref sent);
    public long Accepted => Interlocked.Read(ref accepted);
    public long Rejected => Interlocked.Read(ref rejected);
    public long Completed => Interlocked.Read(ref completed);
    public long Failed => Interlocked.Read(ref failed);
    public long Outstanding => Interlocked.Read(ref outstanding);
    public long TransportErrors => Interlocked.Read(ref transportErrors);
    public long ReplaysSent => Interlocked.Read(ref replaysSent);
    public long ReplaysMatched => Interlocked.Read(ref replaysMatched);
    public long ConcurrentDuplicates => Interlocked.Read(ref concurrentDuplicates);
    public long KeyReuseProbes => Interlocked.Read(ref keyReuseProbes);
    public long KeyReuseRefused => Interlocked.Read(ref keyReuseRefused);
    public long RefundsConfirmed => Interlocked.Read(ref refundsConfirmed);
    public long RefundsRefused => Interlocked.Read(ref refundsRefused);
    public long CancelsConfirmed => Interlocked.Read(ref cancelsConfirmed);
    public long CancelsRefused => Interlocked.Read(ref cancelsRefused);
    public long TopUps => Interlocked.Read(ref topUps);
    public long SamplerErrors => Interlocked.Read(ref samplerErrors);

    public void PaymentSent()
    {
        Interlocked.Increment(ref sent);
        Interlocked.Increment(ref outstanding);
    }

    public void PaymentAccepted() => Interlocked.Increment(ref accepted);

    public void PaymentRejected()
    {
        Interlocked.Increment(ref rejected);
        Interlocked.Decrement(ref outstanding);
    }

    /// <summary>A client stopped following its payment without seeing it finish; the drain takes over.</summary>
    public void PaymentLeftToDrain() => Interlocked.Decrement(ref outstanding);

    public void PaymentSettled(bool completedPayment)
    {
        Interlocked.Increment(ref completedPayment ? ref completed : ref failed);
        Interlocked.Decrement(ref outstanding);
    }

    public void TransportError() => Interlocked.Increment(ref transportErrors);
    public void ReplaySent(bool matched)
    {
        Interlocked.Increment(ref replaysSent);
        if (matched) Interlocked.Increment(ref replaysMatched);
    }

    public void ConcurrentDuplicateSent() => Interlocked.Increment(ref concurrentDuplicates);
    public void KeyReuseProbed(bool refused)
    {
        Interlocked.Increment(ref keyReuseProbes);
        if (refused) Interlocked.Increment(ref keyReuseRefused);
    }

    public void Refund(bool confirmed) => Interlocked.Increment(ref confirmed ? ref refundsConfirmed : ref refundsRefused);
    public void Cancel(bool confirmed) => Interlocked.Increment(ref confirmed ? ref cancelsConfirmed : ref cancelsRefused);
    public void TopUp() => Interlocked.Increment(ref topUps);
    public void SamplerError() => Interlocked.Increment(ref samplerErrors);
}
