using System.Diagnostics;
using System.Globalization;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;
using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;

namespace PaymentActors.Cli.Running;

/// <summary>What one client does for one payment slot, and the requests it is made of.</summary>
internal sealed partial class LoadTestRun
{
    private const string RefundReason = "load test refund";

    private async Task PayAsync(long slot, CancellationToken stopSending)
    {
        var plan = _planner.Plan(slot);
        var action = plan.Action switch
        {
            PaymentAction.Refund when Support(ref _refundSupport) == FeatureSupport.Missing => PaymentAction.Plain,
            PaymentAction.Cancel when Support(ref _cancelSupport) == FeatureSupport.Missing => PaymentAction.Plain,
            var planned => planned,
        };
        var userId = _walletIds[plan.WalletIndex];
        var slotText = slot.ToString(CultureInfo.InvariantCulture);

        if (action == PaymentAction.TopUp)
        {
            await DepositAsync(userId, _options.Amount, $"{_runId}-top-{slotText}", CancellationToken.None).ConfigureAwait(false);
            _counters.TopUp();
        }

        var orderId = action == PaymentAction.Order ? await CreateOrderAsync(userId, slotText).ConfigureAwait(false) : null;
        var body = new PaymentBody(userId, _options.ServiceId, _options.Amount, _options.Currency, $"load test {_runId} #{slotText}", orderId);
        var intent = _ledger.AddIntent($"{_runId}-pay-{slotText}", body);
        _counters.PaymentSent();
        var started = Stopwatch.GetTimestamp();
        var wait = _options.Mode == CompletionMode.Wait && action != PaymentAction.Cancel;

        ApiResponse<PaymentView> answer;
        if (action == PaymentAction.ConcurrentDuplicate)
        {
            _counters.ConcurrentDuplicateSent();
            var answers = await Task.WhenAll(
                SubmitAsync(intent, SubmitKind.Original, body, wait, CancellationToken.None),
                SubmitAsync(intent, SubmitKind.ConcurrentDuplicate, body, wait, CancellationToken.None)).ConfigureAwait(false);
            answer = answers.FirstOrDefault(a => a.IsSuccess) ?? answers[0];
        }
        else
        {
            answer = await SubmitAsync(intent, SubmitKind.Original, body, wait, CancellationToken.None).ConfigureAwait(false);
        }

        if (!answer.IsSuccess)
        {
            // An unknown outcome stays open for the drain, which sends the key again.
            if (answer.IsAmbiguous) _counters.PaymentLeftToDrain();
            else _counters.PaymentRejected();
            return;
        }

        _counters.PaymentAccepted();
        _submitLatency.Record(answer.Elapsed);
        var payment = answer.Data!;

        switch (action)
        {
            case PaymentAction.Replay:
                var replay = await SubmitAsync(intent, SubmitKind.Replay, body, wait: false, CancellationToken.None).ConfigureAwait(false);
                _counters.ReplaySent(replay.IsSuccess && replay.Data!.Id == payment.Id && replay.Replayed);
                break;
            case PaymentAction.KeyReuse:
                var other = body with { Amount = body.Amount + SmallestUnitOf(body.Amount) };
                var probe = await SubmitAsync(intent, SubmitKind.DifferentBody, other, wait: false, CancellationToken.None).ConfigureAwait(false);
                _counters.KeyReuseProbed(probe is { StatusCode: 422, Error.Code: ApiErrorCodes.IdempotencyKeyReused });
                break;
            case PaymentAction.Cancel:
                await CancelAsync(payment.Id).ConfigureAwait(false);
                break;
        }

        if (!PaymentStatuses.IsTerminal(payment.Status))
        {
            payment = await FollowAsync(intent, payment.Id, _options.SettleTimeout, stopSending).ConfigureAwait(false) ?? payment;
        }

        if (!PaymentStatuses.IsTerminal(payment.Status))
        {
            _counters.PaymentLeftToDrain();
            return;
        }

        _settleLatency.Record(Stopwatch.GetElapsedTime(started));
        _counters.PaymentSettled(PaymentStatuses.IsDebited(payment.Status));
        NoteSettled();

        if (action == PaymentAction.Refund && payment.Status == PaymentStatuses.Completed)
        {
            await RefundAsync(intent, payment, plan.FullRefund).ConfigureAwait(false);
        }
    }

    /// <summary>POST /payments under the intent's key, sent again with the same key while the outcome is unknown.</summary>
    private Task<ApiResponse<PaymentView>> SubmitAsync(
        PaymentIntent intent, SubmitKind kind, PaymentBody body, bool wait, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return _paymentRetry.ExecuteAsync(async token =>
        {
            var attemptKind = attempt++ > 0 && kind == SubmitKind.Original ? SubmitKind.Retry : kind;
            var answer = await _api.CreatePaymentAsync(body, intent.IdempotencyKey, wait, token).ConfigureAwait(false);
            if (answer.StatusCode == 0) _counters.TransportError();
            intent.Record(attemptKind, body.Amount, answer);
            return answer;
        }, cancellationToken).AsTask();
    }

    private async Task<(OperationOutcome Outcome, ApiResponse<WalletView> Answer)> DepositAsync(
        string userId, decimal amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var answer = await _depositRetry.ExecuteAsync(async token =>
        {
            var response = await _api.DepositAsync(userId, new DepositBody(amount, _options.Currency), idempotencyKey, token).ConfigureAwait(false);
            if (response.StatusCode == 0) _counters.TransportError();
            return response;
        }, cancellationToken).ConfigureAwait(false);

        var outcome = OutcomeOf(answer);
        _ledger.AddDeposit(new SentDeposit(userId, idempotencyKey, amount, _options.Currency, outcome));
        if (answer.IsSuccess)
        {
            _ledger.AddWalletReading(userId, answer.Data!, ObservationSource.DepositResponse);
        }

        return (outcome, answer);
    }

    /// <summary>GET the payment until terminal; null when the budget runs out or the token fires first.</summary>
    private async Task<PaymentView?> FollowAsync(PaymentIntent intent, string paymentId, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            while (true)
            {
                var answer = await _api.GetPaymentAsync(paymentId, cancellationToken).ConfigureAwait(false);
                if (answer.IsSuccess)
                {
                    intent.Observe(answer.Data!);
                    if (PaymentStatuses.IsTerminal(answer.Data!.Status))
                    {
                        return answer.Data;
                    }
                }
                else if (answer.StatusCode == 0)
                {
                    _counters.TransportError();
                }

                if (budget is { } limit && Stopwatch.GetElapsedTime(started) >= limit)
                {
                    return null;
                }

                await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task RefundAsync(PaymentIntent intent, PaymentView payment, bool fullRefund)
    {
        var half = decimal.Round(payment.Amount / 2, SmallestUnitOf(_options.Amount).Scale, MidpointRounding.ToZero);
        decimal? amount = fullRefund || half <= 0 ? null : half;
        // No retry: whether the refunds route honours idempotency keys is not part of the contract yet.
        var answer = await _api.RefundAsync(payment.Id, new RefundBody(amount, RefundReason), $"{intent.IdempotencyKey}-refund", CancellationToken.None)
            .ConfigureAwait(false);
        if (answer.IsMissingEndpoint)
        {
            Interlocked.Exchange(ref _refundSupport, (int)FeatureSupport.Missing);
            return;
        }

        Interlocked.CompareExchange(ref _refundSupport, (int)FeatureSupport.Supported, (int)FeatureSupport.NotExercised);
        var outcome = OutcomeOf(answer);
        _ledger.AddRefund(new SentRefund(payment.Id, amount, outcome));
        _counters.Refund(outcome == OperationOutcome.Confirmed);
    }

    /// <summary>An order of one item of the payment's amount, for the payment to pay; null when it was not confirmed (the payment then goes without).</summary>
    private async Task<string?> CreateOrderAsync(string userId, string slotText)
    {
        var key = $"{_runId}-order-{slotText}";
        var answer = await _api.CreateOrderAsync(OrderBody.OneItem(userId, _options.Currency, _options.Amount), key, CancellationToken.None).ConfigureAwait(false);
        var orderId = answer.IsSuccess ? answer.Data!.Id : null;
        _ledger.AddOrder(new SentOrder(userId, key, _options.Amount, _options.Currency, orderId, OutcomeOf(answer)));
        return orderId;
    }

    private async Task CancelAsync(string paymentId)
    {
        var answer = await _api.CancelAsync(paymentId, CancellationToken.None).ConfigureAwait(false);
        if (answer.IsMissingEndpoint)
        {
            Interlocked.Exchange(ref _cancelSupport, (int)FeatureSupport.Missing);
            return;
        }

        Interlocked.CompareExchange(ref _cancelSupport, (int)FeatureSupport.Supported, (int)FeatureSupport.NotExercised);
        var outcome = OutcomeOf(answer);
        _ledger.AddCancel(new SentCancel(paymentId, outcome));
        _counters.Cancel(outcome == OperationOutcome.Confirmed);
    }

    private static OperationOutcome OutcomeOf<T>(ApiResponse<T> answer) =>
        answer.IsSuccess ? OperationOutcome.Confirmed
        : answer.IsAmbiguous ? OperationOutcome.Unknown
        : OperationOutcome.Rejected;

    private static FeatureSupport Support(ref int field) => (FeatureSupport)Volatile.Read(ref field);

    /// <summary>One unit of the amount's last decimal: 0.01 for "1.00", 1 for "100".</summary>
    private static decimal SmallestUnitOf(decimal amount) => new(1, 0, 0, false, amount.Scale);
}
