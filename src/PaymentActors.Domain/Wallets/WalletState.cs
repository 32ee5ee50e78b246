namespace PaymentActors.Wallets;

/// <summary>
/// A wallet's snapshot: its balance, the ledger sequence it covers, the active reservations (at most
/// PaymentActors:MaxActiveReservations) and a bounded window of closed reservations (oldest first) whose payments may
/// still ask about them. Deposits and credits are not kept here: their idempotency rests on the complete ledger.
/// So what a commit writes does not grow with the wallet's history. Reserved is derived from the reservations, never stored.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.WalletState")]
public sealed class WalletState
{
    [Id(0)] public string? Currency { get; set; }
    [Id(1)] public decimal Balance { get; set; }
    [Id(2)] public long Version { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(4)] public List<ReservationRecord> Reservations { get; set; } = [];
    [Id(5)] public List<ClosedOperation> ClosedOperations { get; set; } = [];
    [Id(6)] public long Sequence { get; set; }
}
