using PaymentActors.Wallets;

namespace PaymentActors.Cli.Auditing;

/// <summary>A wallet's whole ledger as the API showed it after the drain, oldest first.</summary>
public sealed record LedgerObservation(string UserId, IReadOnlyList<LedgerEntry> Entries);
