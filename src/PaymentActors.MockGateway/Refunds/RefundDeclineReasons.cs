namespace PaymentActors.MockGateway.Refunds;

public static class RefundDeclineReasons
{
    public const string ChargeNotFound = "charge_not_found";
    public const string ChargeNotApproved = "charge_not_approved";
    public const string CurrencyMismatch = "currency_mismatch";
    public const string ExceedsRefundableAmount = "exceeds_refundable_amount";
}
