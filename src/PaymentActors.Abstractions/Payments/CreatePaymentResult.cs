using PaymentActors.Repeats;

namespace PaymentActors.Payments;

[GenerateSerializer, Immutable, Alias("PaymentActors.CreatePaymentResult")]
public sealed record CreatePaymentResult(
    [property: Id(0)] CreatePaymentOutcome Outcome,
    [property: Id(1)] PaymentSnapshot? Payment) : IInterimAnswer
{
    /// <summary>A repeated create that finds the first one still being made durable asks again (see <see cref="IInterimAnswer"/>).</summary>
    public bool IsInterim => Outcome == CreatePaymentOutcome.InProgress;
}
