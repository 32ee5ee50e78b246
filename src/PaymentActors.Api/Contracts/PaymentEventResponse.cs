using System.ComponentModel;
using PaymentActors.Events;

namespace PaymentActors.Api.Contracts;

/// <summary>One step of a payment's life.</summary>
public sealed record PaymentEventResponse(
    string Id,
    [property: Description("e.g. payment.initiated, wallet.funds_reserved, gateway.payment_approved, payment.completed.")]
    string Type,
    string PaymentId,
    string UserId,
    string Amount,
    string Currency,
    DateTime OccurredAt,
    [property: Description("Why a failure happened, or null.")]
    string? Reason,
    [property: Description("The W3C trace id (32 hex) of the request that caused this step, as in that response's X-Trace-Id; null if untraced.")]
    string? TraceId,
    [property: Description("The operator (token subject) whose action this step records: a deposit, a refund, a retry; else null.")]
    string? Actor)
{
    public static PaymentEventResponse From(PaymentEvent paymentEvent) => new(
        paymentEvent.Id,
        paymentEvent.Type,
        paymentEvent.PaymentId,
        paymentEvent.UserId,
        Money.Money.Format(paymentEvent.Amount, paymentEvent.Currency),
        paymentEvent.Currency,
        paymentEvent.OccurredAt.UtcDateTime,
        paymentEvent.Reason,
        paymentEvent.TraceId,
        paymentEvent.Actor);
}
