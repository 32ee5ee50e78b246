using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Wallets;

/// <summary>
/// A wallet's live book: the rules of reserve, confirm, release, deposit and credit, applied in arrival order
/// against memory, each change appended to the ledger as one entry. It knows nothing of storage; the grain decides
/// when a change is durable (<see cref="TakeCommit"/>, then <see cref="MarkDurable"/>).
/// </summary>
public sealed class WalletBook
{
    /// <summary>How many deposits and credits the book remembers in memory, to answer their retries without a storage read.</summary>
    private const int RecentOperationCapacity = 1024;

    private readonly Dictionary<string, ReservationRecord> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<ClosedOperation>> _closedById = new(StringComparer.Ordinal);
    private readonly LinkedList<ClosedOperation> _closedInOrder = new();
    private readonly Dictionary<string, LinkedListNode<LedgerEntry>> _recentById = new(StringComparer.Ordinal);
    private readonly LinkedList<LedgerEntry> _recentInOrder = new();
    private List<LedgerEntry> _pending = [];
    private Dictionary<(string Kind, string Id), ListingRow> _pendingListings = [];

    public string? Currency { get; private set; }
    public decimal Balance { get; private set; }
    public decimal Reserved { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The last ledger entry's sequence (0 before the first).</summary>
    public long Sequence { get; private set; }

    /// <summary>The last sequence known to be durable.</summary>
    public long DurableSequence { get; private set; }

    public decimal Available => Balance - Reserved;
    public bool Exists => Currency is not null;
    public int ActiveReservationCount => _reservations.Count;
    public IEnumerable<ReservationRecord> Reservations => _reservations.Values;

    public static WalletBook FromState(WalletState state)
    {
        var book = new WalletBook
        {
            Currency = state.Currency,
            Balance = state.Balance,
            Version = state.Version,
            UpdatedAt = state.UpdatedAt,
            Sequence = state.Sequence,
            DurableSequence = state.Sequence,
        };
        foreach (var reservation in state.Reservations)
        {
            book._reservations.Add(reservation.Key, reservation);
            book.Reserved += reservation.Amount;
        }

        foreach (var closed in state.ClosedOperations)
        {
            book.Remember(closed);
        }

        return book;
    }

    /// <summary>
    /// The state to write now and the ledger entries it adds, as copies that later changes to the book do not touch
    /// (operations keep arriving while the write is in flight).
    /// </summary>
    public (WalletState State, IReadOnlyList<LedgerEntry> Entries) TakeCommit()
    {
        var entries = _pending;
        _pending = [];
        var state = new WalletState
        {
            Currency = Currency,
            Balance = Balance,
            Version = Version,
            UpdatedAt = UpdatedAt,
            Sequence = Sequence,
            Reservations = [.. _reservations.Values],
            ClosedOperations = [.. _closedInOrder],
        };
        return (state, entries);
    }

    /// <summary>
    /// Lists (or relists) a payment or an order of this wallet's user with the next commit; the last row for an item wins.
    /// </summary>
    public void List(ListingRow row) => _pendingListings[(row.Kind, row.Id)] = row;

    /// <summary>The list rows to write with the commit taken now (<see cref="TakeCommit"/>).</summary>
    public IReadOnlyList<ListingRow> TakeListings()
    {
        var rows = _pendingListings.Values.ToList();
        _pendingListings = [];
        return rows;
    }

    /// <summary>Everything up to <paramref name="sequence"/> is durable: deposits and credits up to it may leave memory.</summary>
    public void MarkDurable(long sequence)
    {
        DurableSequence = Math.Max(DurableSequence, sequence);
        while (_recentInOrder.Count > RecentOperationCapacity && _recentInOrder.First is { } oldest && oldest.Value.Sequence <= DurableSequence)
        {
            _recentInOrder.RemoveFirst();
            _recentById.Remove(oldest.Value.OperationId!);
        }
    }

    /// <summary>What callers see of a persisted state; null for a wallet that was never funded.</summary>
    public static WalletSnapshot? SnapshotOf(string userId, WalletState state) => state.Currency is null
        ? null
        : new WalletSnapshot(
            userId, state.Currency, state.Balance, state.Reservations.Sum(r => r.Amount), state.Version, state.UpdatedAt,
            [.. state.Reservations
                .OrderBy(r => r.CreatedAt)
                .Select(r => new ReservationView(r.ReservationId, r.PaymentId, r.Amount, ReservationStatus.Active, r.CreatedAt, r.ExpiresAt))]);

    /// <summary>A closed reservation still remembered (its payment has not said it is settled).</summary>
    public ClosedOperation? FindClosed(string reservationKey) => _closedById.GetValueOrDefault(reservationKey)?.Value;

    public ReservationRecord? FindReservation(string key) => _reservations.GetValueOrDefault(key);

    /// <summary>
    /// A deposit or credit this activation applied, durable or not. A miss is not an answer: older ones are found in
    /// the ledger's storage, which is complete.
    /// </summary>
    public LedgerEntry? FindRecentOperation(string operationId) => _recentById.GetValueOrDefault(operationId)?.Value;

    /// <summary>Remembers a durable deposit or credit found in storage, so that further retries need no read.</summary>
    public void RememberOperation(LedgerEntry entry)
    {
        if (entry.OperationId is { } id && !_recentById.ContainsKey(id))
        {
            _recentById[id] = _recentInOrder.AddLast(entry);
        }
    }

    /// <summary>Adds funds; <paramref name="actor"/> is the operator who deposited them, kept on the entry.</summary>
    public LedgerEntry Deposit(string depositId, Money.Money amount, DateTimeOffset now, string eventId, string? actor = null)
    {
        Currency ??= amount.Currency;
        Balance += amount.Amount;
        var entry = Append(LedgerEntryTypes.Deposit, amount.Amount, null, depositId, null, now, eventId, actor);
        RememberOperation(entry);
        return entry;
    }

    /// <summary>Pays a refund back; <paramref name="actor"/> is the operator who refunded, kept on the entry.</summary>
    public LedgerEntry Credit(string refundId, string paymentId, Money.Money amount, DateTimeOffset now, string eventId, string? actor = null)
    {
        Balance += amount.Amount;
        var entry = Append(LedgerEntryTypes.Credit, amount.Amount, paymentId, null, refundId, now, eventId, actor);
        RememberOperation(entry);
        return entry;
    }

    /// <summary>Holds funds when the available balance covers them; false (and no change) when it does not.</summary>
    public bool TryReserve(
        string paymentId, int attempt, decimal amount, DateTimeOffset now, TimeSpan ttl, string eventId, out ReservationRecord reservation,
        PaymentRequest? request = null, DateTimeOffset? listedAt = null)
    {
        reservation = new ReservationRecord(paymentId, amount, now, now + ttl, eventId, attempt, request, listedAt);
        if (amount > Available)
        {
            return false;
        }

        _reservations.Add(reservation.Key, reservation);
        Reserved += amount;
        Append(LedgerEntryTypes.Reserve, amount, paymentId, null, null, now, eventId);
        ListPayment(reservation, PaymentStatus.Reserved, settled: false);
        return true;
    }

    /// <summary>Closes an active reservation as confirmed (deducted), released or expired.</summary>
    public ClosedOperation CloseReservation(ReservationRecord reservation, ReservationStatus status, DateTimeOffset now, string eventId, string? reason = null)
    {
        _reservations.Remove(reservation.Key);
        Reserved -= reservation.Amount;
        if (status == ReservationStatus.Confirmed)
        {
            Balance -= reservation.Amount;
        }

        var type = status switch
        {
            ReservationStatus.Confirmed => LedgerEntryTypes.Deduct,
            ReservationStatus.Expired => LedgerEntryTypes.Expire,
            _ => LedgerEntryTypes.Release,
        };
        Append(type, reservation.Amount, reservation.PaymentId, null, null, now, eventId);
        var closed = new ClosedOperation(
            reservation.Key, OperationKind.Reservation, status, reservation.Amount, now, eventId, reservation.PaymentId, reason,
            reservation.Attempt, reservation.Request, reservation.ListedAt);
        Remember(closed);

        // The payment's ending is decided by this close (and so listed with it): deducted, it completed; released or
        // expired, it failed, or was cancelled when the release says so.
        ListPayment(reservation, status switch
        {
            ReservationStatus.Confirmed => PaymentStatus.Completed,
            _ when reason == FailureReasons.Cancelled => PaymentStatus.Cancelled,
            _ => PaymentStatus.Failed,
        }, settled: true);
        return closed;
    }

    /// <summary>A reservation made for a payment (one that carries its request) keeps the payment's list row current.</summary>
    private void ListPayment(ReservationRecord reservation, PaymentStatus status, bool settled)
    {
        if (reservation is { Request: { } request, ListedAt: { } listedAt })
        {
            List(new ListingRow(ListingRow.Payment, reservation.PaymentId, listedAt, status.ToWireName(), settled, request.OrderId));
        }
    }

    /// <summary>
    /// The payments this wallet must resume: those whose reservation carries their request (they rely on the wallet
    /// for recovery) and that have not settled since <paramref name="cutoff"/> — still reserved, or closed here
    /// without the payment having said that its ending is durable.
    /// </summary>
    public IReadOnlyList<StalledPayment> StalledPayments(DateTimeOffset cutoff) =>
    [
        .. _reservations.Values
            .Where(r => r.Request is not null && r.CreatedAt <= cutoff)
            .Select(r => new StalledPayment(r.PaymentId, r.Request!, r.Attempt, r.CreatedAt, r.ListedAt)),
        .. _closedInOrder
            .Where(c => c.Kind == OperationKind.Reservation && c.Request is not null && c.ClosedAt <= cutoff)
            .Select(c => new StalledPayment(c.PaymentId!, c.Request!, c.Attempt, c.ClosedAt, c.ListedAt)),
    ];

    /// <summary>True while some payment relies on this wallet to be resumed after a crash (its reminder must run).</summary>
    public bool HasUnsettledPayments => _reservations.Count > 0 || _closedInOrder.Any(c => c.Request is not null);

    /// <summary>
    /// The payment whose reservation this was has durably ended but may still be retried by an operator: the
    /// outcome stays remembered, without the request, since the wallet no longer has to resume it.
    /// </summary>
    public bool MarkSettled(string reservationKey)
    {
        if (!_closedById.TryGetValue(reservationKey, out var node) || node.Value.Request is null)
        {
            return false;
        }

        node.Value = node.Value with { Request = null };
        return true;
    }

    public IReadOnlyList<ReservationRecord> DueForExpiry(DateTimeOffset now) =>
        [.. _reservations.Values.Where(r => r.ExpiresAt <= now)];

    /// <summary>Forgets closed reservations older than the retention, and the oldest beyond the capacity.</summary>
    public void Forget(DateTimeOffset now, TimeSpan retention, int capacity)
    {
        while (_closedInOrder.First is { } oldest && (oldest.Value.ClosedAt <= now - retention || _closedInOrder.Count > capacity))
        {
            _closedInOrder.RemoveFirst();
            _closedById.Remove(oldest.Value.OperationId);
        }
    }

    /// <summary>
    /// Forgets the closed reservation of a payment that can never ask about it again, so that a hot wallet remembers
    /// its unsettled reservations only, not thousands of finished ones. False when there was nothing to forget.
    /// </summary>
    public bool ForgetSettledReservation(string reservationKey)
    {
        if (!_closedById.Remove(reservationKey, out var node))
        {
            return false;
        }

        _closedInOrder.Remove(node);
        return true;
    }

    private LedgerEntry Append(
        string type, decimal amount, string? paymentId, string? depositId, string? refundId, DateTimeOffset now, string eventId, string? actor = null)
    {
        Version++;
        UpdatedAt = now;
        var entry = new LedgerEntry(++Sequence, type, amount, Currency!, paymentId, depositId, refundId, Balance, Available, now, eventId, actor);
        _pending.Add(entry);
        return entry;
    }

    private void Remember(ClosedOperation operation)
    {
        if (_closedById.Remove(operation.OperationId, out var earlier))
        {
            _closedInOrder.Remove(earlier);
        }

        _closedById[operation.OperationId] = _closedInOrder.AddLast(operation);
    }
}
