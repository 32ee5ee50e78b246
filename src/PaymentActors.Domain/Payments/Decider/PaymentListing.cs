namespace PaymentActors.Payments.Decider;

/// <summary>
/// What the payment's row in its user's list says, as the payment tells its wallet (the wallet writes it and knows no
/// payment status). Of two rows that cross, the higher <see cref="Version"/> wins: it grows with the payment's life
/// (attempt, then held, ended, each refund), also across a restart, where change numbers not yet stored are reused.
/// </summary>
public sealed record PaymentListing(long Version, PaymentStatus Status)
{
    public bool Settled => Status.IsTerminal();

    public static PaymentListing Of(PaymentDeciderState state, PaymentStatus status)
    {
        ArgumentNullException.ThrowIfNull(state);
        var stage = status switch
        {
            PaymentStatus.Pending or PaymentStatus.Reserved or PaymentStatus.Processing => 1,
            PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded => 2 + state.Refunds.Count(r => r.Status == RefundStatus.Succeeded),
            _ => 2,
        };
        return new PaymentListing((state.Attempt * 1_000L) + stage, status);
    }
}
