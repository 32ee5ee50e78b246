using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Charges;

/// <summary>Serves <c>POST /charges</c> and <c>GET /charges/{payment_id}</c>.</summary>
public sealed class ChargeHandler(
    ChargeLedger ledger,
    GatewayConditions conditions,
    GatewayStats stats,
    ResponseHolder holder,
    TimeProvider timeProvider,
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
            ?? RequestValidation.CheckCurrency(body.Currency, "currency");
        if (error is not null)
        {
            stats.RejectedRequest();
            return ApiResults.BadRequest(error);
        }

        var command = new ChargeCommand(body.PaymentId!, body.UserId!, amount, body.Currency!);
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

    public IResult GetCharge(string paymentId)
    {
        if (!ledger.TryGetCharge(paymentId, out var charge))
        {
            return ApiResults.Error(
                StatusCodes.Status404NotFound,
                new ErrorBody(ErrorCodes.NotFound, $"No charge for payment {paymentId}.", "payment_id"));
        }

        stats.ChargeLookedUp();
        return TypedResults.Json(ledger.Describe(charge), MockGatewayJsonContext.Default.ChargeView);
    }
}
