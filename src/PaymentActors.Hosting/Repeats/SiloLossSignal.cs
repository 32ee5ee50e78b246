namespace PaymentActors.Hosting.Repeats;

/// <summary>
/// Tells a cluster client's calls that a silo went away: the client lost a gateway connection (the silo was killed, or
/// left), or <see cref="SiloDeathWatcher"/> saw a silo leave the active ones. Orleans fails a call to a silo that is
/// gone only at its response timeout (a client, unlike a silo, is not told of deaths), so a call that can be given up
/// early watches <see cref="NextLoss"/>.
/// </summary>
public sealed class SiloLossSignal : IClusterConnectionStatusObserver
{
    /// <summary>
    /// A loss is signalled again after these: a call sent just as the connection was dropping (to the dead silo, but
    /// after the first signal) is given up too. A live call given up by them is only asked again.
    /// </summary>
    private static readonly TimeSpan[] Echoes = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    private CancellationTokenSource _next = new();

    /// <summary>Cancelled when the next gateway connection is lost (and again shortly after).</summary>
    public CancellationToken NextLoss => Volatile.Read(ref _next).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Lost();
        }
    }

    public void NotifyClusterConnectionLost() => Lost();

    /// <summary>Signals a loss now and again shortly after.</summary>
    public void Lost()
    {
        Signal();
        foreach (var echo in Echoes)
        {
            _ = SignalAfterAsync(echo);
        }
    }

    private async Task SignalAfterAsync(TimeSpan delay)
    {
        await Task.Delay(delay);
        Signal();
    }

    private void Signal()
    {
        // Not disposed: a source without a timer holds nothing, and a call may still be registering on the old token.
        var lost = Interlocked.Exchange(ref _next, new CancellationTokenSource());
        lost.Cancel();
    }
}
