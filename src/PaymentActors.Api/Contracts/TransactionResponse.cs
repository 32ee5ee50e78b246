using System.ComponentModel;
using PaymentActors.Payments;

namespace PaymentActors.Api.Contracts;

/// <summary>A money movement at the gateway (seed 004). Amounts are strings with the currency's decimals.</summary>
public sealed record TransactionResponse(
    [property: Description("txn.{type}.{n}.{payment_id}: resolves to its payment.")]
    string Id,
    string PaymentId,
    [property: Description("charge; refund (money given back after a charge); void (a payment cancelled before its charge: no money moved).")]
    string Type,
    string Amount,
    string Currency,
    [property: Description("succeeded, failed or pending.")]
    string Status,
    [property: Description("The gateway's own id of the charge or refund (from its answer); null when the gateway gave none (a declined charge or refund, a void).")]
    string? GatewayTransactionId,
    string? FailureReason,
    DateTime? ProcessedAt,
    DateTime CreatedAt)
{
    public static TransactionResponse From(PaymentTransaction t) => new(
        t.Id, t.PaymentId, t.Type, Money.Money.Format(t.Amount, t.Currency), t.Currency, t.Status, t.GatewayTransactionId, t.FailureReason,
        t.ProcessedAt?.UtcDateTime, t.CreatedAt.UtcDateTime);
}
