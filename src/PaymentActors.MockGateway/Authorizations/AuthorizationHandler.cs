using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Authorizations;

/// <summary>
/// Serves <c>/authorizations</c>: authorize (hold), capture (take all or part of the hold), void (release it), with
/// the charges' behaviours: latency during which a re-send is answered 202 <c>processing</c>, declines drawn from the
/// seed, answers held back past the client's timeout, and the outage (answered before this handler runs). Processing
/// goes on when the client gives up, so a request that reached the gateway is decided all the same.
/// </summary>
public sealed class AuthorizationHandler(
    AuthorizationLedger ledger,
    ChargeLedger charges,
    GatewayConditions conditions,
    GatewayStats stats,
    ResponseHolder holder,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<AuthorizationHandler> logger)
{
    public async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var read = await JsonBody.ReadAsync(context.Request, MockGatewayJsonContext.Default.AuthorizationRequestBody);
        if (read.Error is not null)
        {
            stats.RejectedRequest();
            return read.Error;
        }

        var body = read.Value!;
        var amount = 0m;
        var error = RequestValidation.CheckId(body.PaymentId, "payment_id")
            ?? RequestValidation.CheckId(body.UserId, "user_id")
            ?? RequestValidation.CheckAmount(body.Amount, "amount", out amount)
            ?? RequestValidation.CheckCurrency(body.Currency, "currency")
            ?? RequestValidation.CheckAttempt(body.Attempt, "attempt");
        if (error is not null)
        {
            stats.RejectedRequest();
            return ApiResults.BadRequest(error);
        }

        var command = new AuthorizeCommand(body.PaymentId!, body.UserId!, amount, body.Currency!, body.Attempt ?? 0);
        if (!ledger.TryGet(command.Key, out _))
        {
            var key = AuthorizationLedger.AuthorizeKey(command.Key);
            if (!ledger.TryBegin(key))
            {
                stats.AuthorizationInProgress();
                var now = timeProvider.GetUtcNow();
                return TypedResults.Json(
                    new AuthorizationView(string.Empty, command.PaymentId, ChargeStatuses.Processing, null, AuthorizationStates.Authorized, command.UserId, body.Amount!, command.Currency, "0", "0", now, now, command.Attempt),
                    MockGatewayJsonContext.Default.AuthorizationView,
                    statusCode: StatusCodes.Status202Accepted);
            }

            try
            {
                await conditions.SimulateLatencyAsync(timeProvider, lifetime.ApplicationStopping);
                return await DecideAuthorizationAsync(context, command);
            }
            finally
            {
                ledger.End(key);
            }
        }

        return await DecideAuthorizationAsync(context, command);
    }

    public async Task<IResult> GetAuthorizationAsync(string authorizationId, CancellationToken cancellationToken)
    {
        await conditions.SimulateLatencyAsync(timeProvider, cancellationToken);
        return ledger.TryGet(authorizationId, out var authorization)
            ? TypedResults.Json(Describe(authorization), MockGatewayJsonContext.Default.AuthorizationView)
            : NotFound(authorizationId);
    }

    public async Task<IResult> CaptureAsync(HttpContext context, string authorizationId)
    {
        var body = new CaptureRequestBody();
        if (context.Request.ContentLength is not 0 && context.Request.HasJsonContentType())
        {
            var read = await JsonBody.ReadAsync(context.Request, MockGatewayJsonContext.Default.CaptureRequestBody);
            if (read.Error is not null)
            {
                stats.RejectedRequest();
                return read.Error;
            }

            body = read.Value!;
        }

        decimal? amount = null;
        var error = body.CaptureId is null ? null : RequestValidation.CheckId(body.CaptureId, "capture_id");
        if (error is null && body.Amount is not null)
        {
            error = RequestValidation.CheckAmount(body.Amount, "amount", out var parsed);
            amount = parsed;
        }

        if (error is not null)
        {
            stats.RejectedRequest();
            return ApiResults.BadRequest(error);
        }

        if (!ledger.TryGet(authorizationId, out var authorization))
        {
            stats.RejectedRequest();
            return NotFound(authorizationId);
        }

        var command = new CaptureCommand(body.CaptureId ?? "cap_" + authorizationId, authorizationId, amount);
        return await SettleAsync(context, authorization, AuthorizationLedger.CaptureKey(command.CaptureId), now =>
        {
            var (capture, write) = ledger.Capture(authorization, command, conditions.CaptureDeclineReasonFor, now);
            Count(write, capture.Approved, stats.CaptureApproved, stats.CaptureDeclined);
            return (capture, write);
        });
    }

    public async Task<IResult> VoidAsync(HttpContext context, string authorizationId)
    {
        if (!ledger.TryGet(authorizationId, out var authorization))
        {
            stats.RejectedRequest();
            return NotFound(authorizationId);
        }

        return await SettleAsync(context, authorization, AuthorizationLedger.VoidKey(authorizationId), now =>
        {
            var (voided, write) = ledger.Void(authorization, now);
            Count(write, voided.Approved, stats.VoidApproved, stats.VoidDeclined);
            return (voided, write);
        });
    }

    private async Task<IResult> DecideAuthorizationAsync(HttpContext context, AuthorizeCommand command)
    {
        var lifetimeSeconds = conditions.Current.AuthorizationTtlSeconds;
        var (authorization, write) = ledger.Authorize(command, conditions.DeclineReasonFor, timeProvider.GetUtcNow(), TimeSpan.FromSeconds(lifetimeSeconds));
        if (write == LedgerWrite.Conflict)
        {
            stats.RejectedRequest();
            return ApiResults.Conflict(
                $"Payment {command.PaymentId} was already authorized with a different user, amount or currency.",
                "payment_id");
        }

        if (write == LedgerWrite.Replayed)
        {
            stats.AuthorizationReplayed();
        }
        else
        {
            Count(write, authorization.Approved, stats.AuthorizationApproved, stats.AuthorizationDeclined);
            MockGatewayLog.AuthorizationRecorded(logger, command.PaymentId, authorization.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined, authorization.DeclineReason);
        }

        // Recorded first, held after: a client that times out here holds an authorization all the same.
        return await holder.HoldIfDrawnAsync(context)
            ? TypedResults.Json(Describe(authorization), MockGatewayJsonContext.Default.AuthorizationView)
            : TypedResults.Empty;
    }

    private async Task<IResult> SettleAsync(
        HttpContext context,
        AuthorizationRecord authorization,
        string key,
        Func<DateTimeOffset, (SettlementRecord Record, LedgerWrite Write)> decide)
    {
        if (!ledger.TryBegin(key))
        {
            stats.AuthorizationInProgress();
            var now = timeProvider.GetUtcNow();
            var processing = new SettlementView(key, authorization.AuthorizationId, authorization.Command.PaymentId, ChargeStatuses.Processing, null, "0", authorization.Command.Currency, authorization.StateAt(now), now);
            return TypedResults.Json(processing, MockGatewayJsonContext.Default.SettlementView, statusCode: StatusCodes.Status202Accepted);
        }

        SettlementRecord settlement;
        try
        {
            await conditions.SimulateLatencyAsync(timeProvider, lifetime.ApplicationStopping);
            LedgerWrite write;
            (settlement, write) = decide(timeProvider.GetUtcNow());
            if (write == LedgerWrite.Conflict)
            {
                stats.RejectedRequest();
                return ApiResults.Conflict($"Capture {settlement.Id} was already requested for a different authorization or amount.", "capture_id");
            }

            MockGatewayLog.SettlementRecorded(logger, key, settlement.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined, settlement.DeclineReason);
        }
        finally
        {
            ledger.End(key);
        }

        return await holder.HoldIfDrawnAsync(context)
            ? TypedResults.Json(ledger.Describe(settlement, authorization, timeProvider.GetUtcNow()), MockGatewayJsonContext.Default.SettlementView)
            : TypedResults.Empty;
    }

    private AuthorizationView Describe(AuthorizationRecord authorization) =>
        ledger.Describe(authorization, timeProvider.GetUtcNow(), charges.RefundedOf(authorization));

    private void Count(LedgerWrite write, bool approved, Action onApproved, Action onDeclined)
    {
        switch (write)
        {
            case LedgerWrite.Created when approved:
                onApproved();
                break;
            case LedgerWrite.Created:
                onDeclined();
                break;
            case LedgerWrite.Replayed:
                stats.AuthorizationReplayed();
                break;
        }
    }

    private static IResult NotFound(string authorizationId) => ApiResults.Error(
        StatusCodes.Status404NotFound,
        new ErrorBody(ErrorCodes.NotFound, $"No authorization {authorizationId}.", "authorization_id"));
}
