using PaymentActors.Events;
using PaymentActors.Repeats;

namespace PaymentActors.Payments;

/// <summary>
/// One payment, keyed by payment id. It persists the request before acknowledging and then drives the
/// saga (reserve → charge → confirm or release) on its own; callers poll or wait for the outcome.
/// </summary>
[Alias("PaymentActors.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithStringKey
{
    /// <summary>Creates the payment, or returns it when the same request was made before.</summary>
    [SafeToRepeat]
    [Alias("CreateAsync")]
    Task<CreatePaymentResult> CreateAsync(PaymentRequest request);

    /// <summary>
    /// Creates the payment as <see cref="CreateAsync"/> does, then waits up to <paramref name="wait"/> for its final
    /// status: the front door's create-and-wait in one call.
    /// </summary>
    /// <remarks>
    /// Its own response timeout, above the longest wait allowed (Api:WaitTimeout, at most 25 s), so that a front door in
    /// client mode can keep a short one for every other call. <paramref name="cancellationToken"/> lets the caller stop
    /// waiting for the answer (the front door does when a silo is lost, and asks again); the payment is not cancelled.
    /// </remarks>
    [ResponseTimeout("00:00:30")]
    [SafeToRepeat]
    [Alias("CreateAndWaitAsync")]
    Task<CreatePaymentResult> CreateAndWaitAsync(PaymentRequest request, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>The payment, or null when it was never created.</summary>
    [SafeToRepeat]
    [Alias("GetAsync")]
    Task<PaymentSnapshot?> GetAsync();

    /// <summary>The payment's event history, oldest first.</summary>
    [SafeToRepeat]
    [Alias("GetEventsAsync")]
    Task<IReadOnlyList<PaymentEvent>> GetEventsAsync();

    /// <summary>Waits up to <paramref name="timeout"/> for a terminal status and returns the payment as it then is.</summary>
    /// <remarks>
    /// Its own response timeout, above the longest wait allowed (Api:WaitTimeout, at most 25 s), so that a front door in
    /// client mode can keep a short one for every other call; <paramref name="cancellationToken"/> stops the caller's wait only.
    /// </remarks>
    [ResponseTimeout("00:00:30")]
    [SafeToRepeat]
    [Alias("WaitForTerminalAsync")]
    Task<PaymentSnapshot?> WaitForTerminalAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Voids the payment before the gateway charge (seed 004's void): its reservation is released.</summary>
    [SafeToRepeat]
    [Alias("CancelAsync")]
    Task<CancelResult> CancelAsync();

    /// <summary>Returns part or all of a completed payment: refund at the gateway, then credit the wallet.</summary>
    /// <remarks>
    /// Its own response timeout: one gateway call may take three attempts of up to 2 s each (PaymentGateway options), and
    /// a slow gateway is retried; the front door's 10 s default would answer 503 for a refund that is still going well.
    /// <paramref name="cancellationToken"/> stops the caller's wait only: a refund that has begun is completed.
    /// </remarks>
    [ResponseTimeout("00:00:30")]
    [SafeToRepeat]
    [Alias("RefundAsync")]
    Task<RefundResult> RefundAsync(RefundCommand command, CancellationToken cancellationToken = default);

    /// <summary>An operator re-drives a payment that failed for a retryable reason, from its persisted state.</summary>
    [Alias("RetryAsync")]
    Task<bool> RetryAsync(string failedEventId, string? actor = null);

    /// <summary>Resumes an unfinished saga (after a restart); does nothing for a finished or unknown payment.</summary>
    [Alias("ResumeAsync")]
    Task ResumeAsync();

    /// <summary>The wallet tells the payment that its reservation expired.</summary>
    [Alias("OnReservationExpiredAsync")]
    Task OnReservationExpiredAsync(PaymentEvent expired);
}
