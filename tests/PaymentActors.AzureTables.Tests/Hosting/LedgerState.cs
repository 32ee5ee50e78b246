using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>A grain state with the kinds of values our grains keep: amounts, instants, collections, our own types.</summary>
[GenerateSerializer, Alias("Tests.LedgerState")]
public sealed class LedgerState
{
    [Id(0)] public decimal Balance { get; set; }

    [Id(1)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(2)] public List<PaymentActors.Money.Money> Entries { get; set; } = [];

    [Id(3)] public Dictionary<string, decimal> ByCurrency { get; set; } = [];

    [Id(4)] public WalletSnapshot? Snapshot { get; set; }

    [Id(5)] public byte[] Attachment { get; set; } = [];

    [Id(6)] public string Note { get; set; } = string.Empty;

    [Id(7)] public int Ticks { get; set; }
}
