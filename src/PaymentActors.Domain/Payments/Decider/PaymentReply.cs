namespace PaymentActors.Payments.Decider;

/// <summary>What the caller of an input is told at once (a caller that waits reads the state once it is settled).</summary>
public enum PaymentReply
{
    /// <summary>An answer of a step: nobody waits on it.</summary>
    None = 0,
    Accepted,
    AlreadyExists,
    RequestMismatch,
    NotFound,
    /// <summary>The creation could not be made durable: the payment does not exist (503 to the caller).</summary>
    Unavailable,
    Cancelling,
    AlreadyCancelled,
    NotCancellable,
    RefundAccepted,
    RefundReplayed,
    RefundMismatch,
    NotRefundable,
    RefundLimitReached,
    RefundExceedsPayment,
    RetryAccepted,
    RetryRefused,
    /// <summary>The input came too late or twice (an answer to a step no longer awaited): nothing changed.</summary>
    Ignored,
}
