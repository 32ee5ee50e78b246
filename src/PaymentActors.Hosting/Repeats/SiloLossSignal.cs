namespace PaymentActors.Hosting.Repeats;

/// <summary>
/// Tells a cluster client's calls that a silo went away: the client lost a gateway connection (the silo was killed, or
/// left). Orleans fails a call to a silo that is gone only at its response timeout (a client, unlike a silo, is not
/// told of deaths), so a call that can be given up early watches <see cref="NextLoss"/>.
/// </summary>
public sealed class SiloLossSignal : IClusterConnectionStatusObserver
{
    private CancellationTokenSource _next = new();

    /// <summary>Cancelled when the next gateway connection is lost.</summary>
    public CancellationToken NextLoss => Volatile.Read(ref _next).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Signal();
        }
    }

    public void NotifyClusterConnectionLost() => Signal();

    private void Signal()
    {
        // Not disposed: a source without a timer holds nothing, and a call may still be registering on the old token.
        var lost = Interlocked.Exchange(ref _next, new CancellationTokenSource());
        lost.Cancel();
    }
}
