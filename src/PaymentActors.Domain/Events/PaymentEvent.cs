using System.Diagnostics;

namespace PaymentActors.Events;

/// <summary>
/// One step of a payment's life, as published on the event stream and kept in the payment's history.
/// <see cref="Amount"/> is in <see cref="Currency"/>; <see cref="Reason"/> is set on failures; <see cref="TraceId"/>
/// is the W3C trace id of the request that caused it (Orleans carries the trace across grain calls), when traced;
/// <see cref="Actor"/> is the token subject of the operator whose action this step records (a deposit, a refund, a
/// retry), else null; <see cref="GatewayReference"/> is the gateway's own id of the charge or refund a gateway event records.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.PaymentEvent")]
public sealed record PaymentEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string PaymentId,
    [property: Id(3)] string UserId,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] string Currency,
    [property: Id(6)] DateTimeOffset OccurredAt,
    [property: Id(7)] string? Reason = null,
    [property: Id(8)] string? TraceId = null,
    [property: Id(9)] string? Actor = null,
    [property: Id(10)] string? GatewayReference = null)
{
    public static PaymentEvent Create(
        string type, string paymentId, string userId, Money.Money amount, DateTimeOffset at, string? reason = null, string? actor = null) =>
        new(EventIds.New("evt", at), type, paymentId, userId, amount.Amount, amount.Currency, at, reason, CurrentTraceId(), actor);

    private static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;
}
