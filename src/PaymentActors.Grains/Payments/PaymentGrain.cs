using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Gateway;
using PaymentActors.Grains.Events;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Recovery;
using PaymentActors.Grains.Wallets;
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
public sealed partial class PaymentGrain : Grain, IPaymentGrain
{
    private readonly IPersistentState<PaymentState> _state;
    private readonly IFailedEventStore _failedEvents;
    private readonly PaymentActorsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentGrain> _logger;
    private TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private PaymentRequest? _creating;
    private PaymentSaga _saga = null!;
    private bool _sagaRunning;

    public PaymentGrain(
        [PersistentState("payment")] IPersistentState<PaymentState> state,
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

    private string PaymentId => this.GetPrimaryKeyString();

    private PaymentState Payment => _state.State;

    private PaymentRequest Request => Payment.Request!;

    private bool Exists => Payment.Request is not null;

    private IWalletGrain Wallet => GrainFactory.GetGrain<IWalletGrain>(Request.UserId);

    private IGatewayGrain Gateway => GrainFactory.GetGrain<IGatewayGrain>(_options.GatewayProvider);

    private IPaymentRecoveryGrain Recovery => GrainFactory.GetGrain<IPaymentRecoveryGrain>(RecoveryPartitions.KeyOf(PaymentId));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saga = new PaymentSaga(Payment.Status, _options.MaxRetries);
        if (Exists)
        {
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

        if (Payment.Request is { } existing)
        {
            return new CreatePaymentResult(existing == request ? CreatePaymentOutcome.AlreadyExists : CreatePaymentOutcome.RequestMismatch, Snapshot());
        }

        if (_creating is not null)
        {
            return new CreatePaymentResult(CreatePaymentOutcome.InProgress, null);
        }

        _creating = request;
        var now = _time.GetUtcNow();
        var initiated = PaymentEvent.Create(EventTypes.PaymentInitiated, PaymentId, request.UserId, request.Amount, now);
        try
        {
            // Tracked before it is written: a payment that exists is always found again after a crash.
            await Recovery.TrackAsync(PaymentId);
            _state.State = new PaymentState { Request = request, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now, Events = [initiated] };
            await _state.WriteStateAsync();
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

    public async Task ResumeAsync()
    {
        var unfinished = Exists && (!Payment.Status.IsTerminal() || Payment.Refunds.Any(r => r.Status == RefundStatus.Pending));
        if (!unfinished)
        {
            // The ending is durable, but the previous activation may have died before its failed event was.
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

        Record(expired);
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
        Payment.Events.Add(finished);
        var retryOf = Payment.RetryOf;
        Payment.RetryOf = null;
        await PersistAsync();
        saga.OnFinished();
        _terminal.TrySetResult();
        PaymentLog.Ended(_logger, PaymentId, status.ToWireName(), reason);

        var recorded = true;
        if (status == PaymentStatus.Failed)
        {
            recorded = await RecordFailureAsync(finished, failure, retryOf);
        }
        else if (retryOf is not null)
        {
            await SettleFailedEventAsync(retryOf, FailedEventStatus.Resolved, null);
        }

        await TryPublishAsync(finished);

        // A failure not yet in the failed-event store stays tracked, so that the recovery check records it later.
        if (recorded)
        {
            await Recovery.ForgetAsync(PaymentId);
        }

        // Only an operator retry (of a retryable failure) may still look back at this attempt's reservation.
        if (!(status == PaymentStatus.Failed && FailureReasons.IsRetryable(reason)))
        {
            await GrainFactory.GetGrain<IWalletSettlementGrain>(Request.UserId)
                .ForgetSettledReservationAsync(ReservationRecord.KeyOf(PaymentId, Payment.Attempt));
        }
    }

    /// <summary>
    /// Writes the state; retried until it succeeds, since the steps before it are done and idempotent. A concurrency
    /// conflict is not retried (the ETag is stale: a write that landed but looked failed, or another writer), since
    /// memory can no longer be trusted: the activation ends and the next one resumes from storage.
    /// </summary>
    private Task PersistAsync() => WithRetriesAsync("persist", async () =>
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

    private void Record(PaymentEvent? paymentEvent)
    {
        if (paymentEvent is not null && Payment.Events.All(e => e.Id != paymentEvent.Id))
        {
            Payment.Events.Add(paymentEvent);
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
                if (!retryForever && attempt > _options.MaxRetries)
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
