using System.Diagnostics.CodeAnalysis;

namespace PaymentActors.AzureTables.Benchmark;

/// <summary>The persistent-state holder a grain would pass to the storage.</summary>
internal sealed class BenchmarkGrainState(BenchmarkWalletState state) : IGrainState<BenchmarkWalletState>
{
    [AllowNull]
    public BenchmarkWalletState State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
