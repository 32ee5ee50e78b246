using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using PaymentActors.Events;
using PaymentActors.Gateway;
using PaymentActors.Grains.Events;
using PaymentActors.Grains.Options;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Payments;

/// <summary>
/// A payment and the saga that settles it: reserve at the wallet → charge at the gateway → confirm (completed) or
/// release (failed). It is reentrant so that reads, waits and the wallet's expiry notice are served while a step is
/// awaited; all state changes happen between awaits on the grain's single thread and only ever move forward.
/// </summary>
[Reentrant]
public sealed class PaymentGrain : Grain, IPaymentGrain
{
    private readonly IPersistentState<PaymentState> _state;
    private readonly PaymentActorsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentGrain> _logger;
    private readonly TaskCompletionSource _terminal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<PaymentEvent> _events = [];
    private PaymentRequest? _creating;
    private PaymentStatus _status;
    private string? _failureReason;
    private DateTimeOffset _updatedAt;
    private bool _charged;

    public PaymentGrain(
        [PersistentState("payment")] IPersistentState<PaymentState> state,
        IOptions<PaymentActorsOptions> options,
        TimeProvider time,
        ILogger<PaymentGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string PaymentId => this.GetPrimaryKeyString();

    private PaymentRequest Request => _state.State.Request!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.RecordExists && _state.State.Request is not null)
        {
            _status = _state.State.Status;
            _failureReason = _state.State.FailureReason;
            _updatedAt = _state.State.UpdatedAt;
            _events.AddRange(_state.State.Events);
            if (_status.IsTerminal())
            {
                _terminal.TrySetResult();
            }
            else
            {
                // Created but not finished when the last activation ended: resume from the last durable step.
                _ = RunSagaAsync();
            }
        }

        return Task.CompletedTask;
    }

    public async Task<CreatePaymentResult> CreateAsync(PaymentRequest request)
    {
        GrainArguments.RequireId(request.UserId, nameof(request.UserId));
        GrainArguments.RequireId(request.ServiceId, nameof(request.ServiceId));
        GrainArguments.RequireValid(request.Amount);

        if (_state.State.Request is { } existing)
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
        _state.State = new PaymentState { Request = request, Status = PaymentStatus.Pending, CreatedAt = now, UpdatedAt = now, Events = [initiated] };
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _state.State = new PaymentState();
            throw;
        }
        finally
        {
            _creating = null;
        }

        _status = PaymentStatus.Pending;
        _updatedAt = now;
        _events.Add(initiated);
        await TryPublishAsync(initiated);
        _ = RunSagaAsync();
        return new CreatePaymentResult(CreatePaymentOutcome.Created, Snapshot());
    }

    public Task<PaymentSnapshot?> GetAsync() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<PaymentEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<PaymentEvent>>([.. _events]);

    public async Task<PaymentSnapshot?> WaitForTerminalAsync(TimeSpan timeout)
    {
        if (_state.State.Request is null)
        {
            return null;
        }

        try
        {
            await _terminal.Task.WaitAsync(timeout, _time);
        }
        catch (TimeoutException)
        {
            // Still in flight: the caller gets the payment as it is now.
        }

        return Snapshot();
    }

    public async Task OnReservationExpiredAsync(PaymentEvent expired)
    {
        if (_state.State.Request is null || _status.IsTerminal())
        {
            return;
        }

        _events.Add(expired);
        await FinishAsync(PaymentStatus.Failed, FailureReasons.ReservationExpired);
    }

    private PaymentSnapshot? Snapshot() => _state.State.Request is { } request
        ? new PaymentSnapshot(PaymentId, request, _status, _failureReason, _state.State.CreatedAt, _updatedAt)
        : null;

    private async Task RunSagaAsync()
    {
        // Let the call that started the saga return first.
        await Task.Yield();
        try
        {
            if (_status == PaymentStatus.Pending)
            {
                await ReserveAsync();
            }

            if (_status is PaymentStatus.Reserved or PaymentStatus.Processing)
            {
                await ChargeAndSettleAsync();
            }
        }
        catch (Exception exception) when (!_status.IsTerminal())
        {
            // A step stayed unreachable past its retries: undo what may have happened and end the payment.
            PaymentLog.SagaStopped(_logger, exception, PaymentId, _status.ToWireName());
            await CompensateAsync(FailureReasons.WalletUnavailable);
        }
    }

    private async Task ReserveAsync()
    {
        var result = await WithRetriesAsync("reserve", () => Wallet.ReserveAsync(PaymentId, Request.Amount));
        if (_status.IsTerminal())
        {
            return;
        }

        Record(result.Event);
        switch (result.Outcome)
        {
            case ReserveOutcome.Reserved:
                MoveTo(PaymentStatus.Reserved);
                break;
            case ReserveOutcome.InsufficientFunds:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.InsufficientFunds);
                break;
            case ReserveOutcome.WalletNotFound:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.WalletNotFound);
                break;
            case ReserveOutcome.CurrencyMismatch:
                await FinishAsync(PaymentStatus.Failed, FailureReasons.CurrencyMismatch);
                break;
            case ReserveOutcome.AlreadyClosed when result.ClosedAs == ReservationStatus.Confirmed:
                // Resumed after a restart that came after the deduction: only the ending was not yet durable.
                await FinishAsync(PaymentStatus.Completed, null);
                break;
            default:
                await FinishAsync(PaymentStatus.Failed, result.Event?.Reason ?? FailureReasons.ReservationExpired);
                break;
        }
    }

    private async Task ChargeAndSettleAsync()
    {
        MoveTo(PaymentStatus.Processing);
        var charge = await Gateway.ChargeAsync(new ChargeRequest(PaymentId, Request.UserId, Request.Amount));
        while (charge.Outcome == ChargeOutcome.Unknown)
        {
            // The charge may have happened: never guess, ask the gateway until it knows.
            await Task.Delay(_options.RetryBaseDelay, _time);
            charge = await Gateway.ReconcileAsync(new ChargeRequest(PaymentId, Request.UserId, Request.Amount));
        }

        _charged = charge.Outcome == ChargeOutcome.Approved;
        if (_status.IsTerminal())
        {
            // The reservation expired while the gateway was answering: no money may leave without a debit.
            await RefundOrphanChargeAsync();
            return;
        }

        Record(charge.Event);
        if (_charged)
        {
            var confirmed = await WithRetriesAsync("confirm", () => Wallet.ConfirmAsync(PaymentId));
            Record(confirmed.Event);
            if (confirmed.Status == ReservationStatus.Confirmed)
            {
                await FinishAsync(PaymentStatus.Completed, null);
                return;
            }

            await RefundOrphanChargeAsync();
            await FinishAsync(PaymentStatus.Failed, FailureReasons.ReservationExpired);
            return;
        }

        var reason = charge.Outcome == ChargeOutcome.Rejected ? FailureReasons.GatewayRejected : FailureReasons.GatewayUnavailable;
        var released = await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, reason));
        Record(released.Event);
        await FinishAsync(PaymentStatus.Failed, reason);
    }

    private async Task CompensateAsync(string reason)
    {
        try
        {
            var released = await Wallet.ReleaseAsync(PaymentId, reason);
            if (released.Status == ReservationStatus.Confirmed)
            {
                await FinishAsync(PaymentStatus.Completed, null);
                return;
            }

            Record(released.Event);
            await RefundOrphanChargeAsync();
            await FinishAsync(PaymentStatus.Failed, reason);
        }
        catch (Exception exception)
        {
            // The reservation still expires on its own; the next activation resumes the saga.
            PaymentLog.SagaStopped(_logger, exception, PaymentId, _status.ToWireName());
        }
    }

    private async Task RefundOrphanChargeAsync()
    {
        if (!_charged)
        {
            return;
        }

        PaymentLog.RefundingOrphanCharge(_logger, PaymentId);
        await WithRetriesAsync("refund", () => Gateway.RefundAsync(new RefundRequest("rf_" + PaymentId, PaymentId, Request.Amount)));
        _charged = false;
    }

    private async Task FinishAsync(PaymentStatus status, string? reason)
    {
        if (_status.IsTerminal())
        {
            return;
        }

        var now = _time.GetUtcNow();
        var finished = PaymentEvent.Create(
            status == PaymentStatus.Completed ? EventTypes.PaymentCompleted : EventTypes.PaymentFailed, PaymentId, Request.UserId, Request.Amount, now, reason);
        _status = status;
        _failureReason = reason;
        _updatedAt = now;
        _events.Add(finished);
        _state.State.Status = status;
        _state.State.FailureReason = reason;
        _state.State.UpdatedAt = now;
        _state.State.Events = [.. _events];

        // The ending must be durable; keep trying (the steps before it are idempotent and already done).
        await WithRetriesAsync("persist", async () => { await _state.WriteStateAsync(); return true; }, retryForever: true);
        _terminal.TrySetResult();
        await TryPublishAsync(finished);
    }

    private void MoveTo(PaymentStatus status)
    {
        if (status > _status && !_status.IsTerminal())
        {
            _status = status;
            _updatedAt = _time.GetUtcNow();
        }
    }

    private void Record(PaymentEvent? paymentEvent)
    {
        if (paymentEvent is not null && _events.All(e => e.Id != paymentEvent.Id))
        {
            _events.Add(paymentEvent);
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
            catch (Exception exception) when (exception is not ArgumentException && (retryForever || attempt <= _options.MaxRetries))
            {
                PaymentLog.StepRetry(_logger, exception, step, PaymentId, attempt);
                await Task.Delay(Backoff(attempt), _time);
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
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

    private IWalletGrain Wallet => GrainFactory.GetGrain<IWalletGrain>(Request.UserId);

    private IGatewayGrain Gateway => GrainFactory.GetGrain<IGatewayGrain>(_options.GatewayProvider);
}
