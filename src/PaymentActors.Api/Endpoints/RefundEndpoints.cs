using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Events;
using PaymentActors.Identifiers;
using PaymentActors.Payments;

namespace PaymentActors.Api.Endpoints;

/// <summary>
/// Refunds of a payment. The payment grain keeps its refunds and caps them by the payment; with an Idempotency-Key
/// the refund id is derived from (payment id, key), so a retry reaches the payment as the same refund.
/// </summary>
public static class RefundEndpoints
{
    public const string ReasonField = "reason";

    public static IEndpointRouteBuilder MapRefundEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/payments/{id}/refunds", RefundAsync)
            .WithTags("Payments")
            .WithName("RefundPayment")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("Refund a payment, in full or in part")
            .WithDescription(
                "Operators only. Returns money of a `completed` (or `partially_refunded`) payment to the user's wallet: the gateway refunds first, then the " +
                "wallet is credited. Without `amount` whatever is still refundable is returned. Answers 201 with the refund; the payment becomes " +
                "`partially_refunded` or `refunded` (see `GET /payments/{id}`, which lists its refunds). Refunds never add up to more than the " +
                "payment, also when requested concurrently. With an `Idempotency-Key` a retry returns the same refund with 200 and " +
                "`Idempotent-Replayed: true`, and refunds once. The body may be left out. " +
                "Errors: 400 `validation_error` (field named), 404 `payment_not_found`, 409 `payment_not_refundable` (not completed: pending, " +
                "failed, cancelled...), 422 `refund_exceeds_payment` (more than what remains refundable), 422 `idempotency_key_reused` (the key " +
                "was used for a refund of another amount), 422 `refund_declined` (the gateway declined; nothing was credited and the refund is " +
                "listed on the payment as `failed`).")
            .Accepts<RefundRequest>(isOptional: true, "application/json")
            .WithIdempotencyKey()
            .Produces<ApiResponse<RefundResponse>>()
            .Produces<ApiResponse<RefundResponse>>(StatusCodes.Status201Created)
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict)
            .Produces<ApiErrorResponse>(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<IResult> RefundAsync(
        [FromRoute(Name = PaymentEndpoints.IdField)] string id,
        HttpRequest request,
        JsonBodyReader bodyReader,
        IGrainFactory grains,
        TimeProvider time,
        ClaimsPrincipal caller,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (InputValidation.CheckId(id, PaymentEndpoints.IdField) is { } idError) return ApiResults.Invalid(idError);
        if (InputValidation.CheckIdempotencyKey(request, out var key) is { } keyError) return ApiResults.Invalid(keyError);

        var input = new RefundRequest(null, null);
        if (HasBody(request))
        {
            var body = await bodyReader.ReadAsync<RefundRequest>(request, cancellationToken);
            if (body.Error is not null) return body.Refusal;
            input = body.Value!;
        }

        if (InputValidation.CheckFreeText(input.Reason, ReasonField, InputLimits.MaxRefundReasonLength) is { } reasonError) return ApiResults.Invalid(reasonError);

        // The amount is in the payment's currency, so the payment is read first to validate it.
        var grain = grains.GetPayment(id);
        if (await grain.GetAsync() is not { } payment) return PaymentEndpoints.PaymentNotFound(id);

        var currency = payment.Request.Amount.Currency;
        if (InputValidation.CheckOptionalAmount(input.Amount, currency, out var amount) is { } amountError) return ApiResults.Invalid(amountError);

        var refundId = key is null ? EventIds.New("rf", time.GetUtcNow()) : EventIds.Derive("rf", id, key);
        var actor = caller.UserId()!;
        var result = await grain.RefundAsync(new RefundCommand(refundId, amount?.Amount, input.Reason, actor));
        OperatorAuditLog.Refunded(
            loggers.CreateLogger(OperatorAuditLog.Category), actor, id, refundId, amount?.ToString() ?? "the rest", result.Outcome.ToString());
        // Without a key the refund id was minted here: a replay is the front door's own repeat after a lost silo.
        var replayed = result.Replayed && key is not null;
        if (replayed)
        {
            request.HttpContext.Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
        }

        return result.Outcome switch
        {
            RefundOutcome.Refunded => ApiResults.Json(
                replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created,
                RefundResponse.From(result.Refund!, id, currency)),
            RefundOutcome.Declined => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.RefundDeclined,
                $"The gateway declined refund '{result.Refund?.Id ?? refundId}'; nothing was credited."),
            RefundOutcome.ExceedsPayment => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.RefundExceedsPayment,
                $"The refunds would exceed the payment of {payment.Request.Amount} {currency}: {Refundable(result.Payment ?? payment)} {currency} remains refundable.",
                InputValidation.AmountField),
            RefundOutcome.NotRefundable => ApiResults.Error(
                StatusCodes.Status409Conflict,
                ErrorCodes.PaymentNotRefundable,
                $"Payment '{id}' is {(result.Payment ?? payment).Status.ToWireName()}; only a completed payment can be refunded."),
            RefundOutcome.RequestMismatch => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.IdempotencyKeyReused,
                $"This {ApiHeaders.IdempotencyKey} was used for a refund of another amount.",
                ApiHeaders.IdempotencyKey),
            RefundOutcome.NotFound => PaymentEndpoints.PaymentNotFound(id),
            RefundOutcome.LimitReached => ApiResults.Error(
                StatusCodes.Status409Conflict,
                ErrorCodes.RefundLimitReached,
                $"Payment '{id}' already has {RefundCommand.MaxRefundsPerPayment} refunds, the most one payment may have."),
            _ => throw new InvalidOperationException($"Unexpected refund outcome {result.Outcome}."),
        };
    }

    /// <summary>A POST without a body (no Content-Length or Content-Length: 0) asks for a full refund.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength is > 0;

    /// <summary>What is left after the refunds that succeeded or are under way.</summary>
    private static string Refundable(PaymentSnapshot payment)
    {
        var committed = (payment.Refunds ?? []).Where(r => r.Status != RefundStatus.Failed).Sum(r => r.Amount);
        var amount = payment.Request.Amount;
        return Money.Money.Format(Math.Max(0m, amount.Amount - committed), amount.Currency);
    }
}
