namespace PaymentActors.Payments;

[GenerateSerializer, Alias("PaymentActors.RefundOutcome")]
public enum RefundOutcome
{
    Refunded = 0,
    /// <summary>The gateway declined the refund.</summary>
    Declined = 1,
    /// <summary>The refunds would add up to more than the payment.</summary>
    ExceedsPayment = 2,
    /// <summary>Only completed (or partly refunded) payments can be refunded.</summary>
    NotRefundable = 3,
    /// <summary>The refund id was used before with a different amount.</summary>
    RequestMismatch = 4,
    NotFound = 5,
    /// <summary>The payment already has <see cref="RefundCommand.MaxRefundsPerPayment"/> refunds.</summary>
    LimitReached = 6,
}
