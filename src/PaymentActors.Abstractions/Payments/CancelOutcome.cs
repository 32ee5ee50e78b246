namespace PaymentActors.Payments;

[GenerateSerializer, Alias("PaymentActors.CancelOutcome")]
public enum CancelOutcome
{
    Cancelled = 0,
    AlreadyCancelled = 1,
    /// <summary>The gateway charge has started or the payment has ended otherwise.</summary>
    NotCancellable = 2,
    NotFound = 3,
}
