namespace PaymentActors.Grains.Wallets;

/// <summary>
/// What a wallet persists: its balance, the active reservations and a bounded window of closed operations
/// (oldest first) that makes retries idempotent. Reserved is derived from the reservations, never stored.
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
}
