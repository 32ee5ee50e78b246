namespace PaymentActors.Payments;

[GenerateSerializer, Alias("PaymentActors.RefundStatus")]
public enum RefundStatus
{
    Pending = 0,
    Succeeded = 1,
    /// <summary>The gateway declined the refund; nothing was credited.</summary>
    Failed = 2,
}
