namespace PaymentActors.Payments;

[GenerateSerializer, Immutable, Alias("PaymentActors.RefundView")]
public sealed record RefundView(
    [property: Id(0)] string Id,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string? Reason,
    [property: Id(3)] RefundStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? GatewayReference = null);
