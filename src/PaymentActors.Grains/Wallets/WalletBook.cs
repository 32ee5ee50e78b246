using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Wallets;

/// <summary>
/// A wallet's live ledger: the rules of reserve, confirm, release, deposit and credit, applied in arrival order
/// against memory. It knows nothing of storage; the grain decides when a change is durable.
/// </summary>
internal sealed class WalletBook
{
    private readonly Dictionary<string, ReservationRecord> _reservations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<ClosedOperation>> _closedById = new(StringComparer.Ordinal);
    private readonly LinkedList<ClosedOperation> _closedInOrder = new();

    public string? Currency { get; private set; }
    public decimal Balance { get; private set; }
    public decimal Reserved { get; private set; }
    public long Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
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

    /// <summary>A copy that later changes to the book do not touch, for writing while operations keep arriving.</summary>
    public WalletState ToState() => new()
    {
        Currency = Currency,
        Balance = Balance,
        Version = Version,
        UpdatedAt = UpdatedAt,
        Reservations = [.. _reservations.Values],
        ClosedOperations = [.. _closedInOrder],
    };

    /// <summary>What callers see of a persisted state; null for a wallet that was never funded.</summary>
    public static WalletSnapshot? SnapshotOf(string userId, WalletState state) => state.Currency is null
        ? null
        : new WalletSnapshot(
            userId, state.Currency, state.Balance, state.Reservations.Sum(r => r.Amount), state.Version, state.UpdatedAt,
            [.. state.Reservations
                .OrderBy(r => r.CreatedAt)
                .Select(r => new ReservationView(r.ReservationId, r.PaymentId, r.Amount, ReservationStatus.Active, r.CreatedAt, r.ExpiresAt))]);

    public ClosedOperation? FindClosed(string operationId) => _closedById.GetValueOrDefault(operationId)?.Value;

    public ReservationRecord? FindReservation(string key) => _reservations.GetValueOrDefault(key);

    public ClosedOperation Deposit(string depositId, Money.Money amount, DateTimeOffset now, string eventId)
    {
        Currency ??= amount.Currency;
        Balance += amount.Amount;
        return Close(new ClosedOperation(depositId, OperationKind.Deposit, ReservationStatus.Confirmed, amount.Amount, now, eventId), now);
    }

    public ClosedOperation Credit(string refundId, string paymentId, Money.Money amount, DateTimeOffset now, string eventId)
    {
        Balance += amount.Amount;
        return Close(new ClosedOperation(refundId, OperationKind.Credit, ReservationStatus.Confirmed, amount.Amount, now, eventId, paymentId), now);
    }

    /// <summary>Holds funds when the available balance covers them; false (and no change) when it does not.</summary>
    public bool TryReserve(
        string paymentId, int attempt, decimal amount, DateTimeOffset now, TimeSpan ttl, string eventId, out ReservationRecord reservation,
        PaymentRequest? request = null)
    {
        reservation = new ReservationRecord(paymentId, amount, now, now + ttl, eventId, attempt, request);
        if (amount > Available)
        {
            return false;
        }

        _reservations.Add(reservation.Key, reservation);
        Reserved += amount;
        Touch(now);
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

        return Close(
            new ClosedOperation(
                reservation.Key, OperationKind.Reservation, status, reservation.Amount, now, eventId, reservation.PaymentId, reason,
                reservation.Attempt, reservation.Request),
            now);
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
            .Select(r => new StalledPayment(r.PaymentId, r.Request!, r.Attempt, r.CreatedAt)),
        .. _closedInOrder
            .Where(c => c.Kind == OperationKind.Reservation && c.Request is not null && c.ClosedAt <= cutoff)
            .Select(c => new StalledPayment(c.PaymentId!, c.Request!, c.Attempt, c.ClosedAt)),
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

    /// <summary>Forgets closed operations older than the retention, and the oldest beyond the capacity.</summary>
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
    /// its unsettled operations only, not thousands of finished ones. Deposits and credits are kept: their callers
    /// may retry until the retention ends. False when there was nothing to forget.
    /// </summary>
    public bool ForgetSettledReservation(string reservationKey)
    {
        if (!_closedById.TryGetValue(reservationKey, out var node) || node.Value.Kind != OperationKind.Reservation)
        {
            return false;
        }

        _closedById.Remove(reservationKey);
        _closedInOrder.Remove(node);
        return true;
    }

    private ClosedOperation Close(ClosedOperation operation, DateTimeOffset now)
    {
        Remember(operation);
        Touch(now);
        return operation;
    }

    private void Remember(ClosedOperation operation)
    {
        if (_closedById.Remove(operation.OperationId, out var earlier))
        {
            _closedInOrder.Remove(earlier);
        }

        _closedById[operation.OperationId] = _closedInOrder.AddLast(operation);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
