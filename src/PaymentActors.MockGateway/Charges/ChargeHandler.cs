using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Charges;

/// <summary>
/// Serves <c>POST /charges</c> and <c>GET /charges/{payment_id}</c>. A charge is idempotent by payment id and attempt:
/// re-sending one that is decided returns its outcome, re-sending one still being processed answers 202
/// <c>processing</c> (ask again), so a client that lost an answer resolves it by re-sending, never by a lookup's 404.
/// </summary>
public sealed class ChargeHandler(
    ChargeLedger ledger,
    GatewayConditions conditions,
    GatewayStats stats,
    ResponseHolder holder,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ChargeHandler> logger)
{
    public async Task<IResult> ChargeAsync(HttpContext context)
    {
        var read = await JsonBody.ReadAsync(context.Request, MockGatewayJsonContext.Default.ChargeRequestBody);
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

        var command = new ChargeCommand(body.PaymentId!, body.UserId!, amount, body.Currency!, body.Attempt ?? 0);
        if (!ledger.TryGetCharge(command.Key, out _))
        {
            if (!ledger.TryBegin(command))
            {
                stats.ChargeInProgress();
                return TypedResults.Json(
                    new ChargeView(command.PaymentId, string.Empty, ChargeStatuses.Processing, null, command.UserId, body.Amount!, command.Currency, "0", timeProvider.GetUtcNow(), command.Attempt),
                    MockGatewayJsonContext.Default.ChargeView,
                    statusCode: StatusCodes.Status202Accepted);
            }

            try
            {
                // Processing goes on when the client gives up: a request that reached the gateway is charged all the same.
                await conditions.SimulateLatencyAsync(timeProvider, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
                ledger.Abandon(command);
                throw;
            }
        }

        var (charge, write) = ledger.Charge(command, conditions.DeclineReasonFor, timeProvider.GetUtcNow());
        switch (write)
        {
            case LedgerWrite.Conflict:
                stats.RejectedRequest();
                return ApiResults.Conflict(
                    $"Payment {command.PaymentId} was already charged with a different user, amount or currency.",
                    "payment_id");
            case LedgerWrite.Replayed:
                stats.ChargeReplayed();
                MockGatewayLog.ChargeReplayed(logger, command.PaymentId);
                break;
            default:
                if (charge.Approved)
                {
                    stats.ChargeApproved();
                }
                else
                {
                    stats.ChargeDeclined();
                }

                MockGatewayLog.ChargeRecorded(logger, command.PaymentId, charge.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined, charge.DeclineReason);
                break;
        }

        // Recorded first, held after: a client that times out here has been charged all the same.
        return await holder.HoldIfDrawnAsync(context)
            ? TypedResults.Json(ledger.Describe(charge), MockGatewayJsonContext.Default.ChargeView)
            : TypedResults.Empty;
    }

    /// <summary>What the gateway has recorded of a charge; a 404 says only that nothing is recorded yet.</summary>
    public async Task<IResult> GetChargeAsync(string paymentId, int? attempt, CancellationToken cancellationToken)
    {
        await conditions.SimulateLatencyAsync(timeProvider, cancellationToken);
        if (!ledger.TryGetCharge(new ChargeKey(paymentId, attempt ?? 0), out var charge))
        {
            return ApiResults.Error(
                StatusCodes.Status404NotFound,
                new ErrorBody(ErrorCodes.NotFound, $"No charge for payment {paymentId}.", "payment_id"));
        }

        stats.ChargeLookedUp();
        return TypedResults.Json(ledger.Describe(charge), MockGatewayJsonContext.Default.ChargeView);
    }
}
