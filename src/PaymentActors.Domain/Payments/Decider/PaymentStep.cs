namespace PaymentActors.Payments.Decider;

/// <summary>The outside calls a payment makes, one per effect kind that waits for an answer.</summary>
[GenerateSerializer, Alias("PaymentActors.PaymentStep")]
public enum PaymentStep
{
    None = 0,
    Reserve = 1,
    Charge = 2,
    Confirm = 3,
    Release = 4,
    VoidCharge = 5,
    RefundAtGateway = 6,
    CreditWallet = 7,
}
