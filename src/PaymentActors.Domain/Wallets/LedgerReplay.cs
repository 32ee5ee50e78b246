namespace PaymentActors.Wallets;

/// <summary>What a wallet's ledger says its balance and available funds are, replayed from the first entry.</summary>
public static class LedgerReplay
{
    /// <summary>The balance and available funds after <paramref name="entries"/>, oldest first.</summary>
    public static (decimal Balance, decimal Available) Replay(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var state = (Balance: 0m, Available: 0m);
        foreach (var entry in entries)
        {
            state = Step(state, entry);
        }

        return state;
    }

    /// <summary>
    /// Why <paramref name="entries"/> (oldest first) are not a complete ledger, or null when they are: sequences from 1
    /// without gaps, and every entry's balance and available funds equal to the replay up to it.
    /// </summary>
    public static string? FindInconsistency(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var state = (Balance: 0m, Available: 0m);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Sequence != i + 1)
            {
                return $"entry {i + 1} has sequence {entry.Sequence}";
            }

            state = Step(state, entry);
            if (state.Balance != entry.BalanceAfter || state.Available != entry.AvailableAfter)
            {
                return $"entry {entry.Sequence} says balance {entry.BalanceAfter} and available {entry.AvailableAfter}; replay gives {state.Balance} and {state.Available}";
            }
        }

        return null;
    }

    private static (decimal Balance, decimal Available) Step((decimal Balance, decimal Available) state, LedgerEntry entry) => entry.Type switch
    {
        LedgerEntryTypes.Deposit or LedgerEntryTypes.Credit => (state.Balance + entry.Amount, state.Available + entry.Amount),
        LedgerEntryTypes.Reserve => (state.Balance, state.Available - entry.Amount),
        LedgerEntryTypes.Deduct => (state.Balance - entry.Amount, state.Available),
        LedgerEntryTypes.Release or LedgerEntryTypes.Expire => (state.Balance, state.Available + entry.Amount),
        _ => throw new InvalidOperationException($"Unknown ledger entry type '{entry.Type}'."),
    };
}
