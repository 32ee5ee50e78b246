using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Benchmark;

/// <summary>A typical small grain state: a wallet with one or two reservations (about 250 bytes serialized).</summary>
[GenerateSerializer, Alias("Benchmark.WalletState")]
public sealed class BenchmarkWalletState
{
    [Id(0)] public string UserId { get; set; } = string.Empty;

    [Id(1)] public string Currency { get; set; } = "USD";

    [Id(2)] public decimal Balance { get; set; }

    [Id(3)] public decimal Reserved { get; set; }

    [Id(4)] public long Version { get; set; }

    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(6)] public List<ReservationView> Reservations { get; set; } = [];
}
