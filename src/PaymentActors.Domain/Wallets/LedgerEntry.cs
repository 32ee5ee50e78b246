namespace PaymentActors.Wallets;

/// <summary>
/// One change of a wallet's balance or reservations. Sequences start at 1 and have no gaps, so replaying the
/// entries in order gives the balance (<see cref="BalanceAfter"/>) and the available funds (<see cref="AvailableAfter"/>).
/// Exactly one of <see cref="PaymentId"/> (reserve, deduct, release, expire; also set on a credit),
/// <see cref="DepositId"/> (deposit) and <see cref="RefundId"/> (credit) names what caused it; <see cref="EventId"/> is the
/// payment event the change emitted, so that a retried operation answers with the same event. <see cref="Actor"/> is
/// the operator (the token's <c>sub</c>) who made a deposit, or the refund a credit pays back; null on the other entries
/// and on entries written before it was recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.LedgerEntry")]
public sealed record LedgerEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Type,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] string Currency,
    [property: Id(4)] string? PaymentId,
    [property: Id(5)] string? DepositId,
    [property: Id(6)] string? RefundId,
    [property: Id(7)] decimal BalanceAfter,
    [property: Id(8)] decimal AvailableAfter,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string? EventId = null,
    [property: Id(11)] string? Actor = null)
{
    /// <summary>The id that makes the entry's operation idempotent when it is not a reservation's: a deposit's or a refund's.</summary>
    public string? OperationId => DepositId ?? RefundId;
}
