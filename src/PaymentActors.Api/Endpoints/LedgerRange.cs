using System.Runtime.CompilerServices;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Endpoints;

/// <summary>
/// A wallet's ledger entries created in [from, to), oldest first, read from storage a chunk at a time (the wallet
/// grain's newest-first pages, each a run of consecutive sequences, reversed), so a ledger of any length streams in
/// bounded memory. The first entry is found by a binary search over sequences (one one-entry read per step), which
/// relies on <c>created_at</c> never going backwards along the sequence: the wallet stamps its entries in order.
/// The ledger's end is fixed when the reading starts; entries written later are not included.
/// </summary>
public sealed class LedgerRange(IWalletGrain wallet, DateTimeOffset from, DateTimeOffset to, int chunkSize = LedgerRange.ChunkSize)
{
    /// <summary>Entries per storage read by default; also the most held in memory at once.</summary>
    public const int ChunkSize = 500;

    private readonly int _chunkSize = chunkSize > 0 ? chunkSize : throw new ArgumentOutOfRangeException(nameof(chunkSize));

    /// <summary>The sequence of the first entry at or after <c>from</c> and of the last entry, or null when there are none.</summary>
    public async Task<(long First, long Last)?> FindAsync()
    {
        var newest = await wallet.GetLedgerAsync(null, 1);
        if (newest.Items.Count == 0 || newest.Items[0].CreatedAt < from)
        {
            return null;
        }

        var last = newest.Items[0].Sequence;
        long low = 1, high = last;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if ((await EntryAsync(middle)).CreatedAt >= from)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return (low, last);
    }

    /// <summary>The entries from <paramref name="first"/> to <paramref name="last"/> created before <c>to</c>, oldest first.</summary>
    public async IAsyncEnumerable<LedgerEntry> ReadAsync(long first, long last, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var start = first; start <= last; start += _chunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + _chunkSize, last + 1);
            var page = await wallet.GetLedgerAsync(end, (int)(end - start));
            foreach (var entry in page.Items.Reverse())
            {
                if (entry.CreatedAt >= to)
                {
                    yield break;
                }

                yield return entry;
            }
        }
    }

    private async Task<LedgerEntry> EntryAsync(long sequence)
    {
        var page = await wallet.GetLedgerAsync(sequence + 1, 1);
        return page.Items is [{ } entry] && entry.Sequence == sequence
            ? entry
            : throw new InvalidOperationException($"The ledger has no entry {sequence} below its last durable one.");
    }
}
