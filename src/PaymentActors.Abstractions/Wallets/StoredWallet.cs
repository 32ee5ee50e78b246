namespace PaymentActors.Wallets;

/// <summary>
/// A wallet as its store holds it: the serialized snapshot, the ledger sequence the snapshot covers, and the
/// version tag that the next commit must present.
/// </summary>
public sealed record StoredWallet(ReadOnlyMemory<byte> Snapshot, long Sequence, string ETag);
