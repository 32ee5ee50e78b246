using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Gateway;
using PaymentActors.Grains.Events;
using PaymentActors.Grains.FailureRecording;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Persistence;
using PaymentActors.Grains.Recovery;
using PaymentActors.Grains.Wallets;
using PaymentActors.Orders;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Payments;

/// <summary>
/// A payment and the saga that settles it: reserve at the wallet → charge at the gateway → confirm (completed) or
/// release (failed). It is reentrant so that reads, waits, cancels and the wallet's expiry notice are served while a
/// step is awaited; every state change happens between awaits on the grain's single thread and only moves forward.
/// The saga's rules live in <see cref="PaymentSaga"/>; PaymentGrain.Saga.cs performs its steps; cancel, refunds and
/// operator retries have their own files.
/// </summary>
[Reentrant]
// A payment is busy for milliseconds and then only read now and then: at a thousand payments a second, Orleans's
// default of 15 idle minutes would keep close to a million activations in memory. Two minutes serve the reads that
// follow a payment; a later read activates it again from storage.
[CollectionAgeLimit(Minutes = 2)]
[PaymentActors.Grains.Placement.WalletAffinePlacement]
public sealed partial class PaymentGrain : Grain, IPaymentGrain, IStalledPaymentGrain
{
    private readonly IPersistentState<PaymentState> _state;
    private readonly IFailedEventStore _failedEvents;
    private readonly PaymentActorsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentGrain> _logger;
    private TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PaymentRequest? _creating;
    private readonly List<PaymentEvent> _unannounced = [];

    // Something durable stands for this payment: its own record, or its reservation (which carries the request) at its wallet.
    private bool _durable;
    private bool _reservedAtWallet;
    private PaymentSaga _saga = null!;
    private bool _sagaRunning;

    public PaymentGrain(
        [PersistentState("payment", MintedIdGrainStorage.Name)] IPersistentState<PaymentState> state,
        IFailedEventStore failedEvents,
        IOptions<PaymentActorsOptions> options,
        [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
        ILogger<PaymentGrain> logger)
    {
        _state = state;
        _failedEvents = failedEvents;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The failed-event source of a payment whose write storage refused (<see cref="OnWriteRefusedAsync"/>).</summary>
    public const string WriteRefusedSource = "payment-storage";

    private string PaymentId => this.GetPrimaryKeyString();

    private PaymentState Payment => _state.State;

    private PaymentRequest Request => Payment.Request!;

    private bool Exists => Payment.Request is not null;

    private IWalletGrain Wallet => GrainFactory.GetGrain<IWalletGrain>(Request.UserId);

    private IWalletSettlementGrain Settlement => GrainFactory.GetGrain<IWalletSettlementGrain>(Request.UserId);

    private IGatewayGrain Gateway => GrainFactory.GetGrain<IGatewayGrain>(_options.GatewayProvider);

    private IPaymentRecoveryGrain Recovery => GrainFactory.GetGrain<IPaymentRecoveryGrain>(RecoveryPartitions.KeyOf(PaymentId));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saga = new PaymentSaga(Payment.Status, _options.MaxRetries, resumed: Exists);
        if (Exists)
        {
            _durable = true;
            if (Payment.Status.IsTerminal())
            {
                _terminal.TrySetResult();
            }

            // Unfinished when the last activation ended: resume from the last durable step.
            StartUnfinishedWork();
        }

        return Task.CompletedTask;
    }

    public async Task<CreatePaymentResult> CreateAsync(PaymentRequest request)
    {
        GrainArguments.RequireId(request.UserId, nameof(request.UserId));
        GrainArguments.RequireId(request.ServiceId, nameof(request.ServiceId));
        GrainArguments.RequireValid(request.Amount);

        if (Replay(request) is { } replay)
        {
            return replay;
        }

        _creating = request;
        var now = _time.GetUtcNow();
        var initiated = PaymentEvent.Create(EventTypes.PaymentInitiated, PaymentId, request.UserId, request.Amount, now);
        try
        {
            // Tracked before it is written: a payment that exists is always found again after a crash.
            await Recovery.TrackAsync(PaymentId);
            _state.State = new PaymentState { Request = request, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now, Events = [initiated], Tracked = true };
            await _state.WriteStateAsync();
            _durable = true;
        }
        catch
        {
            // The write may have landed though it looked failed (a retried insert that saw 409): storage decides, not memory.
            if (!await TryReloadAsync() || Payment.Request is null)
            {
                _state.State = new PaymentState();
                throw;
            }

            if (Payment.Request != request)
            {
                return new CreatePaymentResult(CreatePaymentOutcome.RequestMismatch, Snapshot());
            }

            initiated = Payment.Events[0];
        }
        finally
        {
            _creating = null;
        }

        await TryPublishAsync(initiated);
        _saga = new PaymentSaga(PaymentStatus.Pending, _options.MaxRetries);
        StartUnfinishedWork();
        return new CreatePaymentResult(CreatePaymentOutcome.Created, Snapshot());
    }

    /// <summary>
    /// Creates and runs the payment without writing it first: the caller's answer is the ending, written once. Until
    /// then the reservation at the wallet, which carries the request, is the payment's durable record, and the
    /// wallet resumes the payment if its silo dies (<see cref="ResumeStalledAsync"/>). A payment that has not ended
    /// when the wait is over is written (and, without a reservation, tracked) before the caller hears of it.
    /// </summary>
    public async Task<CreatePaymentResult> CreateAndWaitAsync(PaymentRequest request, TimeSpan wait)
    {
        GrainArguments.RequireId(request.UserId, nameof(request.UserId));
        GrainArguments.RequireId(request.ServiceId, nameof(request.ServiceId));
        GrainArguments.RequireValid(request.Amount);

        if (Replay(request) is { } replay)
        {
            return replay.Outcome == CreatePaymentOutcome.AlreadyExists && !replay.Payment!.Status.IsTerminal()
                ? replay with { Payment = await WaitForTerminalAsync(wait) ?? replay.Payment }
                : replay;
        }

        _creating = request;
        try
        {
            var now = _time.GetUtcNow();
            var initiated = PaymentEvent.Create(EventTypes.PaymentInitiated, PaymentId, request.UserId, request.Amount, now);
            _state.State = new PaymentState { Request = request, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now, Events = [initiated] };
            _unannounced.Add(initiated);
            _saga = new PaymentSaga(PaymentStatus.Pending, _options.MaxRetries);
            StartUnfinishedWork();
            try
            {
                await _terminal.Task.WaitAsync(wait);
            }
            catch (TimeoutException)
            {
                // Still in flight: the answer will acknowledge it, so it must be durable on its own first.
                if (!_reservedAtWallet && !Payment.Tracked)
                {
                    await Recovery.TrackAsync(PaymentId);
                    Payment.Tracked = true;
                }

                await PersistAsync();
            }
        }
        finally
        {
            _creating = null;
        }

        return new CreatePaymentResult(CreatePaymentOutcome.Created, Snapshot());
    }

    /// <summary>
    /// The answer to a create under an id that already has a payment (an idempotent replay, or a different request
    /// under the same key), or to one that is being created and not yet durable; null when the id is free.
    /// </summary>
    private CreatePaymentResult? Replay(PaymentRequest request)
    {
        if (_creating is not null || (Exists && !_durable))
        {
            return new CreatePaymentResult(CreatePaymentOutcome.InProgress, null);
        }

        return Payment.Request is { } existing
            ? new CreatePaymentResult(existing == request ? CreatePaymentOutcome.AlreadyExists : CreatePaymentOutcome.RequestMismatch, Snapshot())
            : null;
    }

    public Task<PaymentSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<PaymentEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<PaymentEvent>>([.. Payment.Events]);

    public async Task<PaymentSnapshot?> WaitForTerminalAsync(TimeSpan timeout)
    {
        if (!Exists)
        {
            return null;
        }

        try
        {
            await _terminal.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Still in flight: the caller gets the payment as it is now.
        }

        return Snapshot();
    }

    public async Task ResumeStalledAsync(StalledPayment stalled)
    {
        if (!Exists)
        {
            // Created and waited on in one call, and its silo died before the ending: the wallet's record rebuilds it,
            // and the saga's idempotent steps find out how far it had gone.
            var initiated = PaymentEvent.Create(EventTypes.PaymentInitiated, PaymentId, stalled.Request.UserId, stalled.Request.Amount, stalled.Since);
            _state.State = new PaymentState
            {
                Request = stalled.Request, Status = PaymentStatus.Pending, CreatedAt = stalled.CreatedAt ?? stalled.Since, UpdatedAt = _time.GetUtcNow(),
                Events = [initiated], Attempt = stalled.Attempt,
            };
            _unannounced.Add(initiated);
            _reservedAtWallet = _durable = true;
            _saga = new PaymentSaga(PaymentStatus.Pending, _options.MaxRetries, resumed: true);
            StartUnfinishedWork();
            return;
        }

        if (!Payment.Status.IsTerminal() && stalled.Attempt == Payment.Attempt)
        {
            _reservedAtWallet = true;
            StartUnfinishedWork();
            return;
        }

        // Ended (or an earlier attempt): settle again what the last activation may not have (failed event, wallet notice).
        if (await RecordEndedFailureAsync())
        {
            SettleAtWallet(ReservationRecord.KeyOf(PaymentId, stalled.Attempt), forget: false);
        }
    }

    public async Task ResumeAsync()
    {
        var unfinished = Exists && (!Payment.Status.IsTerminal() || Payment.Refunds.Any(r => r.Status == RefundStatus.Pending));
        if (!unfinished)
        {
            // The ending is durable, but the previous activation may have died before its failed event was, or before it
            // listed itself when no reservation did.
            if (Exists && !Payment.Events.Any(e => e.Type == EventTypes.FundsReserved))
            {
                await UpdateListingAsync();
            }

            if (await RecordEndedFailureAsync())
            {
                await Recovery.ForgetAsync(PaymentId);
            }

            return;
        }

        StartUnfinishedWork();
    }

    public async Task OnReservationExpiredAsync(PaymentEvent expired)
    {
        if (!Exists || !_saga.OnReservationExpired())
        {
            return;
        }

        // The wallet announced the expiry itself.
        Record(expired, announce: false);
        await FinishAsync(PaymentStatus.Failed, FailureReasons.ReservationExpired);
    }

    private void StartUnfinishedWork()
    {
        if (!Payment.Status.IsTerminal())
        {
            StartSaga();
        }

        foreach (var refund in Payment.Refunds.Where(r => r.Status == RefundStatus.Pending))
        {
            _ = CompleteRefundAsync(refund);
        }
    }

    private PaymentSnapshot? Snapshot() => Payment.Request is { } request
        ? new PaymentSnapshot(
            PaymentId, request, Payment.Status, Payment.FailureReason, Payment.CreatedAt, Payment.UpdatedAt,
            Payment.Refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount),
            [.. Payment.Refunds.Select(r => r.ToView())])
        : null;

    /// <summary>Ends the saga: the ending is made durable (retried until it is), then announced.</summary>
    private async Task FinishAsync(PaymentStatus status, string? reason, StepFailedException? failure = null)
    {
        var saga = _saga;
        if (Payment.Status.IsTerminal())
        {
            saga.OnFinished();
            return;
        }

        var now = _time.GetUtcNow();
        var type = status switch
        {
            PaymentStatus.Completed => EventTypes.PaymentCompleted,
            PaymentStatus.Cancelled => EventTypes.PaymentCancelled,
            _ => EventTypes.PaymentFailed,
        };
        var finished = PaymentEvent.Create(type, PaymentId, Request.UserId, Request.Amount, now, reason);
        Payment.Status = status;
        Payment.FailureReason = status == PaymentStatus.Failed ? reason : null;
        Payment.UpdatedAt = now;
        Record(finished);
        var retryOf = Payment.RetryOf;
        Payment.RetryOf = null;
        var reserved = _reservedAtWallet || Payment.Events.Any(e => e.Type == EventTypes.FundsReserved);
        if (status == PaymentStatus.Failed && !reserved && !Payment.Tracked)
        {
            // No wallet holds this payment, so nothing would find it again if it died before its failed event is stored.
            await Recovery.TrackAsync(PaymentId);
            Payment.Tracked = true;
        }

        await PersistAsync(announce: false);
        if (!reserved)
        {
            // No reservation listed it (refused, or cancelled before one): it lists itself before anyone hears of its ending.
            await UpdateListingAsync();
        }

        TellOrder();
        saga.OnFinished();
        _terminal.TrySetResult();
        PaymentLog.Ended(_logger, PaymentId, status.ToWireName(), reason ?? "no reason");

        var recorded = true;
        if (status == PaymentStatus.Failed)
        {
            recorded = await RecordFailureAsync(finished, failure, retryOf);
        }
        else if (retryOf is not null)
        {
            await SettleFailedEventAsync(retryOf, FailedEventStatus.Resolved, null);
        }

        await AnnounceAsync();

        // A failure not yet in the failed-event store stays tracked (or watched by its wallet), so that it is recorded later.
        if (recorded && Payment.Tracked)
        {
            await Recovery.ForgetAsync(PaymentId);
        }

        if (recorded && reserved)
        {
            // Only an operator retry (of a retryable failure) may still look back at this attempt's reservation.
            SettleAtWallet(ReservationRecord.KeyOf(PaymentId, Payment.Attempt), forget: !(status == PaymentStatus.Failed && FailureReasons.IsRetryable(reason)));
        }
    }

    /// <summary>Tells the order this payment claimed (if any) that the payment ended or was refunded; one-way.</summary>
    private void TellOrder()
    {
        if (Request.OrderId is { } orderId && Snapshot() is { } snapshot)
        {
            _ = GrainFactory.GetGrain<IOrderGrain>(orderId).PaymentChangedAsync(snapshot);
        }
    }

    /// <summary>Writes this payment's row in its user's list (<see cref="ListingRow"/>) as the payment now is, retried until it is durable.</summary>
    private Task UpdateListingAsync()
    {
        var row = new ListingRow(ListingRow.Payment, PaymentId, Payment.CreatedAt, Payment.Status.ToWireName(), Payment.Status.IsTerminal(), Request.OrderId);
        return WithRetriesAsync("list", async () =>
        {
            await Settlement.UpdateListingAsync(row);
            return true;
        }, retryForever: true);
    }

        /// <summary>Tells the wallet this attempt's ending is durable, so it stops watching it (and may forget it).</summary>
    private void SettleAtWallet(string reservationKey, bool forget)
    {
        // One-way calls: a lost notice costs one more resume, which settles again.
        _ = forget ? Settlement.ForgetSettledReservationAsync(reservationKey) : Settlement.ReservationSettledAsync(reservationKey);
    }

    /// <summary>
    /// Writes the state, retried until it succeeds since the steps before it are done and idempotent; then announces
    /// the events recorded since the last announcement, as one stream item. A concurrency conflict is not retried (the
    /// ETag is stale: a write that landed but looked failed, or another writer), since memory can no longer be
    /// trusted: the activation ends and the next one resumes from storage. Nor is a write that storage refuses for
    /// what it is (<see cref="StorageErrors.IsDeterministic"/>): see <see cref="OnWriteRefusedAsync"/>.
    /// </summary>
    private async Task PersistAsync(bool announce = true)
    {
        try
        {
            await WithRetriesAsync("persist", async () =>
            {
                try
                {
                    await _state.WriteStateAsync();
                }
                catch (InconsistentStateException)
                {
                    DeactivateOnIdle();
                    throw;
                }

                return true;
            }, retryForever: true);
        }
        catch (Exception exception) when (StorageErrors.IsDeterministic(exception))
        {
            // Thrown unwrapped: a refused write is not a failed saga step to compensate; the payment stops here.
            var refused = exception is StepFailedException { InnerException: { } inner } ? inner : exception;
            await OnWriteRefusedAsync(refused);
            ExceptionDispatchInfo.Throw(refused);
        }

        _durable = true;
        if (announce)
        {
            await AnnounceAsync();
        }
    }

    /// <summary>
    /// Storage refused the payment's write for what it is (too large, invalid), so every retry would be refused too.
    /// The steps before the write are done and idempotent, so money stays where they left it (a debit or release at the
    /// wallet, a charge or refund at the gateway, each once). What could not be kept goes to the log and to the
    /// failed-event store for an operator; nothing re-drives the payment on its own any more (neither the recovery
    /// check nor its wallet), waiters hear of it at once, and the activation ends, since memory holds what storage
    /// would not take. A later activation (a read, an operator) resumes from the last durable state and tries the
    /// write once more.
    /// </summary>
    private async Task OnWriteRefusedAsync(Exception refused)
    {
        PaymentLog.WriteRefused(_logger, refused, PaymentId, Payment.Status.ToWireName());
        DeactivateOnIdle();
        if (_terminal.TrySetException(refused))
        {
            // Waiters get the error; with none, it must not surface later as an unobserved task exception.
            _ = _terminal.Task.Exception;
        }

        try
        {
            // One record per payment, named after its first event: a later activation that meets the refusal again
            // (each tries the write once, so a payment completes once storage takes it) adds no second one.
            var last = Payment.Events[^1];
            var record = FailedEvents.From(last, $"Storage refused the payment's write ({last.Type}); it is not retried: {refused.Message}", WriteRefusedSource, 0);
            await _failedEvents.TryAddAsync(record with { Id = FailedEvents.IdOf(Payment.Events[0]) });
            // Tracked by the saga or by a refund (which does not set the flag): either way, no more periodic re-drives.
            await Recovery.ForgetAsync(PaymentId);

            // The saga's ending (not a refund's write): its wallet stops watching the reservation.
            var sagaEnding = Payment.Status is PaymentStatus.Completed or PaymentStatus.Failed or PaymentStatus.Cancelled;
            if (sagaEnding && (_reservedAtWallet || Payment.Events.Any(e => e.Type == EventTypes.FundsReserved)))
            {
                SettleAtWallet(ReservationRecord.KeyOf(PaymentId, Payment.Attempt), forget: false);
            }
        }
        catch (Exception exception)
        {
            PaymentLog.FailureNotRecorded(_logger, exception, PaymentId);
        }
    }

    private async Task AnnounceAsync()
    {
        if (_unannounced.Count == 0)
        {
            return;
        }

        PaymentEvent[] events = [.. _unannounced];
        _unannounced.Clear();
        try
        {
            await this.PublishAsync(events);
        }
        catch (Exception exception)
        {
            // The payment's own history keeps the events; a lost stream delivery only costs a metric.
            PaymentLog.PublishFailed(_logger, exception, events[^1].Type, PaymentId);
        }
    }

    /// <summary>Replaces memory with what storage holds; false (and the activation ends) when storage cannot be read.</summary>
    private async Task<bool> TryReloadAsync()
    {
        try
        {
            await _state.ReadStateAsync();
            return true;
        }
        catch (Exception exception)
        {
            PaymentLog.SagaStopped(_logger, exception, PaymentId, Payment.Status.ToWireName());
            DeactivateOnIdle();
            return false;
        }
    }

    private void MoveTo(PaymentStatus status)
    {
        if (status > Payment.Status && !Payment.Status.IsTerminal())
        {
            Payment.Status = status;
            Payment.UpdatedAt = _time.GetUtcNow();
        }
    }

    /// <summary>
    /// Adds an event to the history (once) and, unless someone else announced it, to what the next commit publishes:
    /// the payment announces its own steps and the wallet's and gateway's answers to it, in order.
    /// </summary>
    private void Record(PaymentEvent? paymentEvent, bool announce = true)
    {
        if (paymentEvent is not null && Payment.Events.All(e => e.Id != paymentEvent.Id))
        {
            Payment.Events.Add(paymentEvent);
            if (announce)
            {
                _unannounced.Add(paymentEvent);
            }
        }
    }

    private async Task<T> WithRetriesAsync<T>(string step, Func<Task<T>> call, bool retryForever = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is not (ArgumentException or InconsistentStateException))
            {
                // A request that storage refuses for what it is would be refused again: the step fails at once.
                if (StorageErrors.IsDeterministic(exception) || (!retryForever && attempt > _options.MaxRetries))
                {
                    throw new StepFailedException(step, attempt, exception);
                }

                PaymentLog.StepRetry(_logger, exception, step, PaymentId, attempt);
                await Task.Delay(Backoff(attempt), _time);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        // Capped at 2^8 times the base delay, so that a long outage is polled every half minute or so, not every hour.
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 8));
        return exponential * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private async Task TryPublishAsync(PaymentEvent paymentEvent)
    {
        try
        {
            await this.PublishAsync(paymentEvent);
        }
        catch (Exception exception)
        {
            // The payment's own history keeps the event; a lost stream delivery only costs a metric.
            PaymentLog.PublishFailed(_logger, exception, paymentEvent.Type, PaymentId);
        }
    }
}
