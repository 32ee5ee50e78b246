using PaymentActors.Wallets;

namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>
/// A wallet grain as the simulation models it: the real <see cref="WalletBook"/> in memory, a durable copy of its
/// state and ledger, every change written before it is answered. A failed write returns the book to its durable
/// state, as <c>WalletGrain</c> does; a lost activation rebuilds the book from it.
/// </summary>
internal sealed class SimulatedWallet
{
    private WalletState _durable = new();
    private readonly HashSet<string> _durableCredits = new(StringComparer.Ordinal);
    private long _events;

    public SimulatedWallet(string userId) => UserId = userId;

    public string UserId { get; }
    public WalletBook Book { get; private set; } = new();
    public decimal Deposits { get; private set; }

    /// <summary>Deposits − debits + credits over the durable ledger: must equal the balance.</summary>
    public decimal LedgerSum { get; private set; }

    public Dictionary<string, List<decimal>> DebitsByPayment { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> CreditedByPayment { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> CreditsByRefund { get; } = new(StringComparer.Ordinal);

    /// <summary>The user's list rows, as the payments told them (the highest version wins).</summary>
    public Dictionary<string, Payments.Decider.PaymentListing> Listings { get; } = new(StringComparer.Ordinal);

    /// <summary>Durable entries the invariants have not looked at yet.</summary>
    public List<LedgerEntry> Unchecked { get; } = [];

    /// <summary>Why each reservation was released, typed (the wallet's own record keeps the reason's wire name).</summary>
    public Dictionary<string, Payments.Decider.FailureCause> ReleaseCauses { get; } = new(StringComparer.Ordinal);

    public void Deposit(decimal amount, DateTimeOffset now)
    {
        Book.Deposit("dep-" + UserId + "-" + _events, new Money.Money(amount, "USD"), now, NextEventId());
        Deposits += amount;
        Assert.True(Commit(fails: false));
    }

    public void List(string paymentId, Payments.Decider.PaymentListing listing)
    {
        if (!Listings.TryGetValue(paymentId, out var row) || row.Version < listing.Version)
        {
            Listings[paymentId] = listing;
        }
    }

    /// <summary>Loses the activation: memory is rebuilt from the last durable state.</summary>
    public void Restart() => Book = WalletBook.FromState(_durable);

    public bool Credited(string refundId) => _durableCredits.Contains(refundId);

    public string NextEventId() => "evt-" + UserId + "-" + ++_events;

    /// <summary>Writes what the book changed; false (and the book back to its durable state) when the write fails.</summary>
    public bool Commit(bool fails)
    {
        var (state, entries) = Book.TakeCommit();
        if (fails)
        {
            Restart();
            return false;
        }

        _durable = state;
        foreach (var entry in entries)
        {
            Unchecked.Add(entry);
            switch (entry.Type)
            {
                case LedgerEntryTypes.Deposit:
                    LedgerSum += entry.Amount;
                    break;
                case LedgerEntryTypes.Deduct:
                    LedgerSum -= entry.Amount;
                    if (!DebitsByPayment.TryGetValue(entry.PaymentId!, out var debits))
                    {
                        DebitsByPayment[entry.PaymentId!] = debits = [];
                    }

                    debits.Add(entry.Amount);
                    break;
                case LedgerEntryTypes.Credit:
                    LedgerSum += entry.Amount;
                    _durableCredits.Add(entry.RefundId!);
                    CreditedByPayment[entry.PaymentId!] = CreditedByPayment.GetValueOrDefault(entry.PaymentId!) + entry.Amount;
                    CreditsByRefund[entry.RefundId!] = CreditsByRefund.GetValueOrDefault(entry.RefundId!) + 1;
                    break;
            }
        }

        Book.MarkDurable(Book.Sequence);
        return true;
    }
}
