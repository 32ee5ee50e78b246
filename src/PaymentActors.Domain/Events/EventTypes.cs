namespace PaymentActors.Events;

/// <summary>The event names of the seeds, as they appear on the stream and in the API.</summary>
public static class EventTypes
{
    public const string PaymentInitiated = "payment.initiated";
    public const string FundsReserved = "wallet.funds_reserved";
    public const string ReservationFailed = "wallet.reservation_failed";
    public const string GatewayApproved = "gateway.payment_approved";
    public const string GatewayRejected = "gateway.payment_rejected";
    public const string FundsDeducted = "wallet.funds_deducted";
    public const string FundsReleased = "wallet.funds_released";
    public const string ReservationExpired = "wallet.reservation_expired";
    public const string PaymentCompleted = "payment.completed";
    public const string PaymentFailed = "payment.failed";
    public const string FundsDeposited = "wallet.funds_deposited";
    public const string PaymentCancelled = "payment.cancelled";
    public const string PaymentRefunded = "payment.refunded";
    public const string FundsCredited = "wallet.funds_credited";
    public const string PaymentRetried = "payment.retried";

    /// <summary>
    /// A charge approved after its payment had already ended (its reservation expired or was released) was refunded at
    /// the gateway, so no money left without a debit. Kept in the payment's history only (it is not on the stream): it
    /// moves no money in the wallet, and it is the payment's <c>refund</c> transaction.
    /// </summary>
    public const string ChargeRefunded = "gateway.charge_refunded";
}
