using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.Events;
using PaymentActors.Grains.Events;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Persistence;
using PaymentActors.Grains.Recovery;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Wallets;

/// <summary>
/// A wallet. Operations interleave only at awaits, and every rule is applied synchronously against the
/// in-memory <see cref="WalletBook"/> in arrival order, so the available balance can never go below zero.
/// Durability is batched by <see cref="GroupCommit"/> (or one write per operation when group commit is off): each
/// write commits the snapshot and the batch's ledger entries together to the <see cref="IWalletStore"/>;
/// no caller gets an answer before its change is durable, and readers only see durable state.
/// </summary>
[Reentrant]
[Orleans.Placement.HashBasedPlacement]
public sealed class WalletGrain : Grain, IWalletGrain, IWalletSettlementGrain, IRemindable
{
    internal const string ExpiryReminderName = "reservation-expiry";

    private readonly IWalletStore _store;
    private readonly Serializer<WalletState> _serializer;
    private readonly PaymentActorsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WalletGrain> _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private WalletBook _book = new();
    private WalletState _durableState = new();
    private string? _etag;
    private WalletSnapshot? _durableSnapshot;
    private GroupCommit _commit = null!;
    private Task _reminderWork = Task.CompletedTask;
    private bool _reminderWanted;

    public WalletGrain(
        IWalletStore store,
        Serializer<WalletState> serializer,
        IOptions<PaymentActorsOptions> options,
        [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
        ILogger<WalletGrain> logger)
    {
        _store = store;
        _serializer = serializer;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string UserId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit(WriteAsync, OnWriteFailed);
        var stored = await _store.ReadAsync(UserId, cancellationToken);
        _etag = stored?.ETag;
        RestoreDurable(stored is null || stored.Snapshot.IsEmpty ? new WalletState() : _serializer.Deserialize(stored.Snapshot.ToArray()) ?? new WalletState());
        if (_book.HasUnsettledPayments)
        {
            // Reservations or unsettled payments survived a restart: make sure their expiry and recovery still run.
            await EnsureExpiryReminderAsync();
        }
    }

    public Task<WalletSnapshot?> GetAsync() => Task.FromResult(_durableSnapshot);

    public async Task<DepositResult> DepositAsync(string depositId, Money.Money amount, string? actor = null)
    {
        GrainArguments.RequireId(depositId, nameof(depositId));
        GrainArguments.RequireValid(amount);
        await LoadOperationAsync(depositId);
        var ((outcome, newEvent), _) = await ExecuteAsync<(DepositOutcome, PaymentEvent?)>(() =>
        {
            if (_book.FindRecentOperation(depositId) is { } earlier)
            {
                var same = earlier.Type == LedgerEntryTypes.Deposit && earlier.Amount == amount.Amount && earlier.Currency == amount.Currency;
                return ((same ? DepositOutcome.AlreadyDeposited : DepositOutcome.RequestMismatch, null), false);
            }

            if (_book.Exists && _book.Currency != amount.Currency)
            {
                return ((DepositOutcome.CurrencyMismatch, null), false);
            }

            var now = _time.GetUtcNow();
            var deposited = PaymentEvent.Create(EventTypes.FundsDeposited, depositId, UserId, amount, now, actor: actor);
            _book.Deposit(depositId, amount, now, deposited.Id, actor);
            return ((DepositOutcome.Deposited, deposited), true);
        });

        await PublishIfNewAsync(newEvent);
        return new DepositResult(outcome, _durableSnapshot);
    }

    public Task<ReserveResult> ReserveAsync(string paymentId, Money.Money amount, int attempt = 0) =>
        ReserveAsync(paymentId, amount, attempt, request: null, createdAt: null);

    public Task<ReserveResult> ReserveForPaymentAsync(string paymentId, PaymentRequest request, int attempt, DateTimeOffset createdAt) =>
        ReserveAsync(paymentId, request.Amount, attempt, request, createdAt);

    public async Task UpdateListingAsync(ListingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        GrainArguments.RequireId(row.Id, nameof(row));

        // A write of its own, batched with whatever else is being committed (a user without a wallet gets a partition for it).
        await ExecuteAsync(() =>
        {
            _book.List(row);
            return (true, true);
        });
    }

    public Task<IReadOnlyList<ListingRow>> ListAsync(ListingQuery query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _store.ListAsync(UserId, query, limit);
    }

    public Task ReservationSettledAsync(string reservationKey)
    {
        // Persisted with the next batch, like a forgotten reservation.
        _book.MarkSettled(reservationKey);
        return Task.CompletedTask;
    }

    private async Task<ReserveResult> ReserveAsync(string paymentId, Money.Money amount, int attempt, PaymentRequest? request, DateTimeOffset? createdAt)
    {
        GrainArguments.RequireId(paymentId, nameof(paymentId));
        GrainArguments.RequireValid(amount);

        ReserveResult? result;
        do
        {
            // The expiry reminder must be durable before any reservation is acknowledged, or a crash could strand it;
            // a wallet that does not exist gets no reminder (it reserves nothing). Should the wallet come into being
            // while this call waits, the loop goes round once more to register the reminder first.
            var existed = _book.Exists;
            if (existed)
            {
                await EnsureExpiryReminderAsync();
            }

            (result, _) = await ExecuteAsync(() => !existed && _book.Exists ? (null, false) : Reserve(paymentId, attempt, amount, request, createdAt));
        }
        while (result is null);

        // The payment announces the answer (a refusal too) with its own events, so that they stay in order.
        return result;
    }

    public Task<ReservationResult> ConfirmAsync(string paymentId, int attempt = 0) => CloseAsync(paymentId, attempt, ReservationStatus.Confirmed, null);

    public Task<ReservationResult> ReleaseAsync(string paymentId, string reason, int attempt = 0) => CloseAsync(paymentId, attempt, ReservationStatus.Released, reason);

    public async Task<CreditResult> CreditAsync(string refundId, string paymentId, Money.Money amount, string? actor = null)
    {
        GrainArguments.RequireId(refundId, nameof(refundId));
        GrainArguments.RequireValid(amount);
        await LoadOperationAsync(refundId);
        var (result, isNew) = await ExecuteAsync(() =>
        {
            if (_book.FindRecentOperation(refundId) is { } earlier)
            {
                return (new CreditResult(true, CreditedEvent(earlier)), false);
            }

            if (!_book.Exists || _book.Currency != amount.Currency)
            {
                return (new CreditResult(false, null), false);
            }

            var now = _time.GetUtcNow();
            var credited = PaymentEvent.Create(EventTypes.FundsCredited, paymentId, UserId, amount, now);
            _book.Credit(refundId, paymentId, amount, now, credited.Id, actor);
            return (new CreditResult(true, credited), true);
        });

        await PublishIfNewAsync(isNew ? result.Event : null);
        return result;
    }

    public async Task<LedgerPage> GetLedgerAsync(long? startingAfter, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // Only durable entries: one more than asked tells whether another page follows.
        var found = await _store.ReadLedgerAsync(UserId, _durableState.Sequence, startingAfter, limit + 1);
        return new LedgerPage([.. found.Take(limit)], found.Count > limit);
    }

    public Task ForgetSettledReservationAsync(string reservationKey)
    {
        // No write of its own: the next batch carries it, and if that batch fails the entry merely comes back.
        _book.ForgetSettledReservation(reservationKey);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminderName)
        {
            return;
        }

        var (expired, _) = await ExecuteAsync(() =>
        {
            var now = _time.GetUtcNow();
            var due = _book.DueForExpiry(now);
            var events = new List<PaymentEvent>(due.Count);
            foreach (var reservation in due)
            {
                var expiredEvent = PaymentEvent.Create(
                    EventTypes.ReservationExpired, reservation.PaymentId, UserId, new Money.Money(reservation.Amount, _book.Currency!), now, FailureReasons.ReservationExpired);
                _book.CloseReservation(reservation, ReservationStatus.Expired, now, expiredEvent.Id, FailureReasons.ReservationExpired);
                events.Add(expiredEvent);
            }

            return (events, events.Count > 0);
        });

        foreach (var expiredEvent in expired)
        {
            WalletLog.ReservationExpired(_logger, UserId, expiredEvent.PaymentId);
        }

        await this.PublishAsync(expired);

        await Task.WhenAll(expired.Select(e => GrainFactory.GetGrain<IPaymentGrain>(e.PaymentId).OnReservationExpiredAsync(e)));
        await ResumeStalledPaymentsAsync();
        if (!_book.HasUnsettledPayments)
        {
            await DropExpiryReminderAsync();
        }
    }

    /// <summary>
    /// The wallet is where a payment in flight is durable (its reservation carries the request), so the wallet's
    /// reminder resumes the payments that have not settled within the grace period: a silo died under them.
    /// </summary>
    private async Task ResumeStalledPaymentsAsync()
    {
        var stalled = _book.StalledPayments(_time.GetUtcNow() - _options.RecoveryGracePeriod);
        await Task.WhenAll(stalled.Select(async payment =>
        {
            try
            {
                await GrainFactory.GetGrain<IStalledPaymentGrain>(payment.PaymentId).ResumeStalledAsync(payment);
            }
            catch (Exception exception)
            {
                WalletLog.ResumeFailed(_logger, exception, UserId, payment.PaymentId);
            }
        }));
    }

    private (ReserveResult? Result, bool Changed) Reserve(string paymentId, int attempt, Money.Money amount, PaymentRequest? request, DateTimeOffset? createdAt)
    {
        var key = ReservationRecord.KeyOf(paymentId, attempt);
        if (_book.FindReservation(key) is { } active)
        {
            return (new ReserveResult(ReserveOutcome.Reserved, RebuildReserved(active), active.ExpiresAt), false);
        }

        if (_book.FindClosed(key) is { Kind: OperationKind.Reservation } closed)
        {
            return (new ReserveResult(ReserveOutcome.AlreadyClosed, RebuildEvent(closed), null, closed.Status), false);
        }

        if (!_book.Exists)
        {
            return (new ReserveResult(ReserveOutcome.WalletNotFound, ReservationFailed(paymentId, amount, FailureReasons.WalletNotFound)), false);
        }

        if (_book.Currency != amount.Currency)
        {
            return (new ReserveResult(ReserveOutcome.CurrencyMismatch, ReservationFailed(paymentId, amount, FailureReasons.CurrencyMismatch)), false);
        }

        if (_book.ActiveReservationCount >= _options.MaxActiveReservations)
        {
            // A bound on what every commit writes: the snapshot carries each active reservation.
            return (new ReserveResult(ReserveOutcome.TooManyReservations, ReservationFailed(paymentId, amount, FailureReasons.TooManyReservations)), false);
        }

        var now = _time.GetUtcNow();
        var reserved = PaymentEvent.Create(EventTypes.FundsReserved, paymentId, UserId, amount, now);
        if (!_book.TryReserve(paymentId, attempt, amount.Amount, now, _options.ReservationTtl, reserved.Id, out var reservation, request, createdAt))
        {
            return (new ReserveResult(ReserveOutcome.InsufficientFunds, ReservationFailed(paymentId, amount, FailureReasons.InsufficientFunds)), false);
        }

        return (new ReserveResult(ReserveOutcome.Reserved, reserved, reservation.ExpiresAt), true);
    }

    private async Task<ReservationResult> CloseAsync(string paymentId, int attempt, ReservationStatus target, string? reason)
    {
        GrainArguments.RequireId(paymentId, nameof(paymentId));
        var key = ReservationRecord.KeyOf(paymentId, attempt);
        var (result, _) = await ExecuteAsync(() =>
        {
            if (_book.FindReservation(key) is { } active)
            {
                var now = _time.GetUtcNow();
                var type = target == ReservationStatus.Confirmed ? EventTypes.FundsDeducted : EventTypes.FundsReleased;
                var closedEvent = PaymentEvent.Create(type, paymentId, UserId, new Money.Money(active.Amount, _book.Currency!), now, reason);
                _book.CloseReservation(active, target, now, closedEvent.Id, reason);
                return (new ReservationResult(target, closedEvent), true);
            }

            return _book.FindClosed(key) is { Kind: OperationKind.Reservation } closed
                ? (new ReservationResult(closed.Status, RebuildEvent(closed)), false)
                : (new ReservationResult(ReservationStatus.Unknown, null), false);
        });

        // The payment announces the deduction or release with its own events.
        return result;
    }

    /// <summary>
    /// Applies one operation and waits until it is durable. An operation that changed nothing still waits for the
    /// state it observed to be durable, so that no answer rests on a change that a failed write may undo.
    /// </summary>
    private async Task<(T Result, bool Changed)> ExecuteAsync<T>(Func<(T Result, bool Changed)> apply)
    {
        if (!_options.GroupCommit)
        {
            await _oneAtATime.WaitAsync();
        }

        try
        {
            var applied = apply();
            await (applied.Changed ? _commit.CommitAsync() : _commit.WhenDurableAsync());
            return applied;
        }
        finally
        {
            if (!_options.GroupCommit)
            {
                _oneAtATime.Release();
            }
        }
    }

    private async Task WriteAsync()
    {
        _book.Forget(_time.GetUtcNow(), _options.ClosedOperationRetention, _options.ClosedOperationCapacity);
        var (state, entries) = _book.TakeCommit();
        var listings = _book.TakeListings();
        _etag = await _store.CommitAsync(UserId, new WalletCommit(_serializer.SerializeToArray(state), state.Sequence, entries, _etag, listings));
        _durableState = state;
        _durableSnapshot = WalletBook.SnapshotOf(UserId, state);
        _book.MarkDurable(state.Sequence);
        WalletLog.Wrote(_logger, UserId, state.Sequence, entries.Count);
    }

    private void OnWriteFailed(Exception exception)
    {
        WalletLog.WriteFailed(_logger, exception, UserId);

        // Undo every change that did not reach storage; on a concurrency conflict, reload from storage instead.
        RestoreDurable(_durableState);
        if (exception is InconsistentStateException)
        {
            DeactivateOnIdle();
        }
    }

    private void RestoreDurable(WalletState state)
    {
        _durableState = state;
        _book = WalletBook.FromState(state);
        _durableSnapshot = WalletBook.SnapshotOf(UserId, state);
    }

    /// <summary>
    /// Brings a deposit's or credit's earlier entry into memory when the ledger in storage has it, so that the
    /// operation's retry has one effect however long ago it was first applied. One point read, and only for ids this
    /// activation has not seen.
    /// </summary>
    private async Task LoadOperationAsync(string operationId)
    {
        if (_book.FindRecentOperation(operationId) is not null || !_book.Exists)
        {
            return;
        }

        if (await _store.FindOperationAsync(UserId, operationId, _durableState.Sequence) is { } earlier)
        {
            _book.RememberOperation(earlier);
        }
    }

    private Task PublishIfNewAsync(PaymentEvent? paymentEvent) =>
        paymentEvent is null ? Task.CompletedTask : this.PublishAsync(paymentEvent);

    private PaymentEvent ReservationFailed(string paymentId, Money.Money amount, string reason) =>
        PaymentEvent.Create(EventTypes.ReservationFailed, paymentId, UserId, amount, _time.GetUtcNow(), reason);

    private PaymentEvent RebuildReserved(ReservationRecord reservation) =>
        new(reservation.EventId, EventTypes.FundsReserved, reservation.PaymentId, UserId, reservation.Amount, _book.Currency!, reservation.CreatedAt);

    private PaymentEvent RebuildEvent(ClosedOperation closed)
    {
        var type = closed.Status switch
        {
            ReservationStatus.Confirmed => EventTypes.FundsDeducted,
            ReservationStatus.Expired => EventTypes.ReservationExpired,
            _ => EventTypes.FundsReleased,
        };
        return new PaymentEvent(closed.EventId, type, closed.PaymentId ?? closed.OperationId, UserId, closed.Amount, _book.Currency!, closed.ClosedAt, closed.Reason);
    }

    private PaymentEvent CreditedEvent(LedgerEntry credit) =>
        new(credit.EventId ?? EventIds.New("evt", credit.CreatedAt), EventTypes.FundsCredited, credit.PaymentId ?? credit.OperationId!, UserId, credit.Amount, credit.Currency, credit.CreatedAt);

    private Task EnsureExpiryReminderAsync()
    {
        if (_reminderWanted && !_reminderWork.IsFaulted)
        {
            return _reminderWork;
        }

        _reminderWanted = true;
        var period = _options.ExpiryCheckPeriod;
        return _reminderWork = AfterAsync(_reminderWork, () => this.RegisterOrUpdateReminder(ExpiryReminderName, period, period));
    }

    private Task DropExpiryReminderAsync()
    {
        if (!_reminderWanted)
        {
            return _reminderWork;
        }

        _reminderWanted = false;
        return _reminderWork = AfterAsync(_reminderWork, async () =>
        {
            if (await this.GetReminder(ExpiryReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        });
    }

    /// <summary>Reminder registrations run one after another, in the order the grain decided them.</summary>
    private static async Task AfterAsync(Task previous, Func<Task> next)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The earlier registration's failure was reported to its own caller; this one stands on its own.
        }

        await next();
    }
}
