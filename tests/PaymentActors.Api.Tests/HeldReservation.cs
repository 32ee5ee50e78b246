namespace PaymentActors.Api.Tests;

/// <summary>A reservation call kept waiting by <see cref="WalletCallGate"/>: tells when it arrived, lets it go on release.</summary>
public sealed class HeldReservation
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a reservation reached the wallet and is being held.</summary>
    public Task Arrived => _arrived.Task;

    public void Release() => _released.TrySetResult();

    internal Task WaitAsync()
    {
        _arrived.TrySetResult();
        return _released.Task;
    }
}
