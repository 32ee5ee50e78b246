namespace PaymentActors.Payments.Decider;

/// <summary>One refund: asked, approved at the gateway, then credited to the wallet (or declined).</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.RefundEntry")]
public sealed record RefundEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? Actor,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    [Id(5)] public RefundStatus Status { get; init; } = RefundStatus.Pending;

    /// <summary>The gateway approved it (its money went back from the merchant); the wallet's credit may still be due.</summary>
    [Id(6)] public bool ApprovedAtGateway { get; init; }

    [Id(7)] public string? GatewayReference { get; init; }

    /// <summary>The step sent for it and not answered yet.</summary>
    [Id(8)] public PaymentStep InFlight { get; init; }

    public RefundView ToView() => new(Id, Amount, Reason, Status, CreatedAt, GatewayReference);
}
