namespace PaymentActors.Payments;

[GenerateSerializer, Alias("PaymentActors.CreatePaymentOutcome")]
public enum CreatePaymentOutcome
{
    Created = 0,
    /// <summary>The same request created this payment before; nothing new happened.</summary>
    AlreadyExists = 1,
    /// <summary>The payment id exists with a different request.</summary>
    RequestMismatch = 2,
    /// <summary>A create of this payment id is still being made durable.</summary>
    InProgress = 3,
}
