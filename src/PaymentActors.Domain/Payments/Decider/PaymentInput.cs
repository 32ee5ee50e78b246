namespace PaymentActors.Payments.Decider;

/// <summary>
/// Everything that can happen to a payment, a closed set: requests (create, cancel, refund, retry, resume), each
/// call's answer, and what the wallet reports on its own (an expiry). Answers name the attempt (and the send) they
/// answer, so a late or repeated one is recognised and ignored.
/// </summary>
public abstract record PaymentInput
{
    private PaymentInput()
    {
    }

    /// <summary>A client asks for the payment.</summary>
    public sealed record Create(string PaymentId, PaymentRequest Request, DateTimeOffset At) : PaymentInput;

    /// <summary>The activation restarted from its stored state, or the recovery check found it unfinished: re-drive.</summary>
    public sealed record Resume(DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet holds the amount (now, or from an earlier send of this attempt).</summary>
    public sealed record Reserved(int Attempt, DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet refused the hold: a business outcome.</summary>
    public sealed record ReserveRefused(int Attempt, FailureCause Cause, DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet had closed this attempt's reservation before (a resume finds out what happened).</summary>
    public sealed record ReservationFoundClosed(int Attempt, Wallets.ReservationStatus ClosedAs, FailureCause? Cause, DateTimeOffset At) : PaymentInput;

    /// <summary>The gateway's answer (or its absence) to one send of the charge.</summary>
    public sealed record Charged(int Attempt, int Send, ChargeVerdict Verdict, string? GatewayReference, DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet's answer to the deduction: Confirmed, or how the reservation had already ended (and, if released, why).</summary>
    public sealed record Confirmed(int Attempt, Wallets.ReservationStatus ClosedAs, FailureCause? Cause, DateTimeOffset At) : PaymentInput;

    /// <summary>
    /// The wallet's answer to the release: how the reservation ended (Confirmed if it had been deducted) and, when
    /// released, the cause its record names (an earlier release may have named another one).
    /// </summary>
    public sealed record Released(int Attempt, Wallets.ReservationStatus ClosedAs, FailureCause? Cause, DateTimeOffset At) : PaymentInput;

    /// <summary>The gateway gave this attempt's charge back.</summary>
    public sealed record Voided(int Attempt, string? GatewayReference, DateTimeOffset At) : PaymentInput;

    /// <summary>A call failed without effect (unreachable wallet, gateway down for a void or refund): try again or give up.</summary>
    public sealed record StepFailed(PaymentStep Step, int Attempt, string? RefundId, DateTimeOffset At) : PaymentInput;

    /// <summary>The last <see cref="PaymentEffect.Persist"/> did not (or may not have) become durable.</summary>
    public sealed record StorageRefused(DateTimeOffset At) : PaymentInput;

    public sealed record Cancel(DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet expired this attempt's reservation (its TTL passed).</summary>
    public sealed record ReservationExpired(int Attempt, DateTimeOffset At) : PaymentInput;

    /// <summary>An operator refunds; <paramref name="Amount"/> null means whatever is left.</summary>
    public sealed record RefundRequested(string RefundId, decimal? Amount, string? Reason, string? Actor, DateTimeOffset At) : PaymentInput;

    /// <summary>The gateway's verdict on a refund.</summary>
    public sealed record RefundAnswered(string RefundId, bool Approved, string? GatewayReference, DateTimeOffset At) : PaymentInput;

    /// <summary>The wallet credited a refund.</summary>
    public sealed record RefundCredited(string RefundId, DateTimeOffset At) : PaymentInput;

    /// <summary>An operator re-drives a technical failure.</summary>
    public sealed record OperatorRetry(string FailedEventId, string? Actor, DateTimeOffset At) : PaymentInput;
}
