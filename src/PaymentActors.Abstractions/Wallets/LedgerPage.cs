namespace PaymentActors.Wallets;

/// <summary>Ledger entries newest first; <see cref="HasMore"/> when older entries follow.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.LedgerPage")]
public sealed record LedgerPage(
    [property: Id(0)] IReadOnlyList<LedgerEntry> Items,
    [property: Id(1)] bool HasMore);
