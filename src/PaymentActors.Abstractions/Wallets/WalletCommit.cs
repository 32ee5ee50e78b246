namespace PaymentActors.Wallets;

/// <summary>
/// One group commit of a wallet: its new snapshot (covering ledger entries up to <see cref="Sequence"/>) and the
/// entries appended since the last commit, in order. <see cref="ExpectedETag"/> is null for a wallet's first commit.
/// <see cref="Listings"/> are the user's list rows written or rewritten since the last commit (see <see cref="ListingRow"/>).
/// </summary>
public sealed record WalletCommit(
    ReadOnlyMemory<byte> Snapshot, long Sequence, IReadOnlyList<LedgerEntry> Entries, string? ExpectedETag, IReadOnlyList<ListingRow>? Listings = null);
