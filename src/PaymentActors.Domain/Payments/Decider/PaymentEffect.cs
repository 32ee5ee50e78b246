namespace PaymentActors.Payments.Decider;

/// <summary>
/// What the grain must do for a decision, a closed set, performed in order. An effect after a
/// <see cref="Persist"/> is performed only once that write succeeded (else the grain reports
/// <see cref="PaymentInput.StorageRefused"/> and drops the rest). Calls are answered with the matching input.
/// </summary>
public abstract record PaymentEffect
{
    private PaymentEffect()
    {
    }

    /// <summary>Hold the amount at the wallet, keyed by payment id and attempt; the hold writes <paramref name="Listing"/>.</summary>
    public sealed record Reserve(int Attempt, decimal Amount, PaymentListing Listing) : PaymentEffect;

    /// <summary>
    /// Charge at the gateway with the idempotency key (payment id, attempt); <paramref name="Send"/> above 1 means
    /// back off first. <paramref name="Provider"/> names the gateway (null: the default one).
    /// </summary>
    public sealed record Charge(int Attempt, int Send, decimal Amount, string? Provider = null) : PaymentEffect;

    /// <summary>Deduct the held amount; the deduction writes <paramref name="Listing"/>.</summary>
    public sealed record Confirm(int Attempt, PaymentListing Listing) : PaymentEffect;

    /// <summary>Hand the hold back, saying why; the release writes <paramref name="Listing"/>.</summary>
    public sealed record Release(int Attempt, FailureCause Cause, PaymentListing Listing) : PaymentEffect;

    /// <summary>Give this attempt's charge back at the gateway (refund id <paramref name="VoidId"/>).</summary>
    public sealed record VoidCharge(int Attempt, string VoidId, decimal Amount) : PaymentEffect;

    public sealed record RefundAtGateway(string RefundId, decimal Amount) : PaymentEffect;

    /// <summary>Credit a refund the gateway approved to the wallet, idempotently by refund id.</summary>
    public sealed record CreditWallet(string RefundId, decimal Amount, string? Actor) : PaymentEffect;

    /// <summary>Write the payment's row in its user's list when no wallet operation carries it (a refusal, an expiry, a refund).</summary>
    public sealed record UpdateListing(PaymentListing Listing) : PaymentEffect;

    /// <summary>Write the state as it is after this decision.</summary>
    public sealed record Persist : PaymentEffect;

    /// <summary>Announce a recorded change downstream (metrics, failure recorder, later webhooks).</summary>
    public sealed record Publish(PaymentChange Change) : PaymentEffect;

    /// <summary>Store the failure for operators; <paramref name="RetryOf"/> names the failed event a retry settles.</summary>
    public sealed record RecordFailure(FailureCause Cause, PaymentStep Step, int Retries, string? RetryOf) : PaymentEffect;

    /// <summary>Tell the paid order (if any) where the payment stands, one-way.</summary>
    public sealed record TellOrder(PaymentStatus Status) : PaymentEffect;
}
