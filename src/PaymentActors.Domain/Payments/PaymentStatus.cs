namespace PaymentActors.Payments;

/// <summary>
/// pending → reserved → processing → completed; any of the first three → failed; pending or reserved →
/// cancelled; completed → partially_refunded → refunded. Values are ordered so that a transition only moves
/// forward. The one sanctioned step back is an operator's retry of a retryable failure (failed → pending).
/// </summary>
[GenerateSerializer, Alias("PaymentActors.PaymentStatus")]
public enum PaymentStatus
{
    Pending = 0,
    Reserved = 1,
    Processing = 2,
    Completed = 3,
    Failed = 4,
    Cancelled = 5,
    PartiallyRefunded = 6,
    Refunded = 7,
}
