namespace PaymentActors.Payments;

/// <summary>A payment as callers see it.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.PaymentSnapshot")]
public sealed record PaymentSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] PaymentRequest Request,
    [property: Id(2)] PaymentStatus Status,
    [property: Id(3)] string? FailureReason,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] decimal RefundedAmount = 0m,
    [property: Id(7)] IReadOnlyList<RefundView>? Refunds = null);
