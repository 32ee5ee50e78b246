using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

[GenerateSerializer, Alias("PaymentActors.RefundRecord")]
public sealed class RefundRecord
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public decimal Amount { get; init; }
    [Id(2)] public string? Reason { get; init; }
    [Id(3)] public RefundStatus Status { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Who asked for the refund (an operator's token subject); it goes on the refund's event.</summary>
    [Id(5)] public string? Actor { get; init; }

    /// <summary>The gateway's own id of the refund, once approved.</summary>
    [Id(6)] public string? GatewayReference { get; set; }

    public RefundView ToView() => new(Id, Amount, Reason, Status, CreatedAt, GatewayReference);
}
