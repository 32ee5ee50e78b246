namespace PaymentActors.Cli.Auditing;

public enum ViolationKind
{
    /// <summary>An accepted payment is still not in a terminal status after the drain.</summary>
    PaymentNotTerminal,

    /// <summary>An accepted payment id could not be read back.</summary>
    PaymentNotObserved,

    /// <summary>An idempotency key never got a definitive answer: whether it made a payment is unknown.</summary>
    PaymentUnresolved,

    /// <summary>The API's payment differs from the request (user, amount or currency).</summary>
    PaymentMismatch,

    /// <summary>One idempotency key produced more than one payment id.</summary>
    IdempotencyKeyMultiplePayments,

    /// <summary>Two idempotency keys were answered with the same payment id.</summary>
    PaymentIdSharedByKeys,

    /// <summary>A repeated request was answered as if it were new (no Idempotent-Replayed header).</summary>
    ReplayNotMarked,

    /// <summary>A key reused with a different body was accepted instead of refused.</summary>
    KeyReuseAccepted,

    NegativeAvailable,

    NegativeBalance,

    NegativeReserved,

    /// <summary>available ≠ balance − reserved.</summary>
    AvailableMismatch,

    /// <summary>The wallet's version went down between two readings in request order.</summary>
    VersionWentBackwards,

    /// <summary>balance ≠ deposits − Σ debited payments + Σ refunds.</summary>
    BalanceMismatch,

    /// <summary>Funds still reserved once every payment of the wallet is terminal.</summary>
    ReservedNotZero,

    WalletNotObserved,

    /// <summary>A deposit never got a definitive answer.</summary>
    DepositUnresolved,

    /// <summary>A refund never got a definitive answer.</summary>
    RefundUnresolved,

    /// <summary>The refunded amount or status disagrees with the refunds the API confirmed.</summary>
    RefundMismatch,

    /// <summary>A cancel was confirmed but the payment did not end cancelled.</summary>
    CancelNotApplied,

    /// <summary>A confirmed order could not be read back.</summary>
    OrderNotObserved,

    /// <summary>
    /// An order's status disagrees with its payments: paid (or beyond) without exactly one completed payment of its
    /// total, refunded without that payment fully refunded, or unpaid although a payment of it completed.
    /// </summary>
    OrderPaymentMismatch,

    /// <summary>A wallet's ledger does not replay (a gap in its sequences, or an entry whose balance is not the replay's) or does not end at the wallet's balance.</summary>
    LedgerInconsistent,
}
