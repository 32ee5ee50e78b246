using PaymentActors.MockGateway.Behaviour;
using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Diagnostics;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Refunds;

/// <summary>
/// Serves <c>POST /refunds</c>. Refunds are never declined at random: a compensation that the gateway refuses
/// by chance would leave money stranded, and no real gateway does that.
/// </summary>
public sealed class RefundHandler(
    ChargeLedger ledger,
    GatewayStats stats,
    ResponseHolder holder,
    GatewayConditions conditions,
    TimeProvider timeProvider,
    ILogger<RefundHandler> logger)
{
    public async Task<IResult> RefundAsync(HttpContext context)
    {
        var read = await JsonBody.ReadAsync(context.Request, MockGatewayJsonContext.Default.RefundRequestBody);
        if (read.Error is not null)
        {
            stats.RejectedRequest();
            return read.Error;
        }

        var body = read.Value!;
        var amount = 0m;
        var error = RequestValidation.CheckId(body.RefundId, "refund_id")
            ?? RequestValidation.CheckId(body.PaymentId, "payment_id")
            ?? RequestValidation.CheckAmount(body.Amount, "amount", out amount)
            ?? RequestValidation.CheckCurrency(body.Currency, "currency")
            ?? RequestValidation.CheckAttempt(body.Attempt, "attempt");
        if (error is not null)
        {
            stats.RejectedRequest();
            return ApiResults.BadRequest(error);
        }

        await conditions.SimulateLatencyAsync(timeProvider, context.RequestAborted);
        var command = new RefundCommand(body.RefundId!, body.PaymentId!, amount, body.Currency!, body.Attempt ?? 0);
        var (refund, write) = ledger.Refund(command, timeProvider.GetUtcNow());
        switch (write)
        {
            case LedgerWrite.Conflict:
                stats.RejectedRequest();
                return ApiResults.Conflict(
                    $"Refund {command.RefundId} was already requested for a different payment, amount or currency.",
                    "refund_id");
            case LedgerWrite.ChargeInProgress:
                return TypedResults.Json(
                    new RefundView(command.RefundId, command.PaymentId, ChargeStatuses.Processing, null, body.Amount!, command.Currency, refund.CreatedAt),
                    MockGatewayJsonContext.Default.RefundView,
                    statusCode: StatusCodes.Status202Accepted);
            case LedgerWrite.Replayed:
                stats.RefundReplayed();
                break;
            default:
                if (refund.Approved)
                {
                    stats.RefundApproved();
                }
                else
                {
                    stats.RefundDeclined();
                }

                MockGatewayLog.RefundRecorded(logger, command.RefundId, command.PaymentId, refund.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined, refund.DeclineReason);
                break;
        }

        return await holder.HoldIfDrawnAsync(context)
            ? TypedResults.Json(ChargeLedger.Describe(refund), MockGatewayJsonContext.Default.RefundView)
            : TypedResults.Empty;
    }
}
