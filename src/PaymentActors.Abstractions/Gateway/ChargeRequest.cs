namespace PaymentActors.Gateway;

/// <summary>
/// A charge. Its idempotency key at the gateway is the payment id and the attempt: re-sending the same attempt
/// returns its first outcome, while an operator's retry (the next attempt) is a new charge, never the replay of one
/// that was voided. <paramref name="FailoverFrom"/>: when this attempt moved here because that provider provably did
/// not take it (counted as a failover).
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ChargeRequest")]
public sealed record ChargeRequest(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string UserId,
    [property: Id(2)] Money.Money Amount,
    [property: Id(3)] int Attempt = 0,
    [property: Id(4)] string? FailoverFrom = null);
