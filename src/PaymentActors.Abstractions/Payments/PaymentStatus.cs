namespace PaymentActors.Payments;

/// <summary>
/// pending → reserved → processing → completed; any of the first three → failed. Values are ordered
/// so that a transition only ever moves forward.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.PaymentStatus")]
public enum PaymentStatus
{
    Pending = 0,
    Reserved = 1,
    Processing = 2,
    Completed = 3,
    Failed = 4,
}
