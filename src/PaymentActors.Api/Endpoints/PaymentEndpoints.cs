using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Options;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Events;
using PaymentActors.Identifiers;
using PaymentActors.Payments;

namespace PaymentActors.Api.Endpoints;

/// <summary>
/// Payment routes. The payment grain is the idempotency record: with an Idempotency-Key the payment id is
/// derived from (user id, key), so a retry reaches the same grain, which tells a replay from a different request.
/// </summary>
public static class PaymentEndpoints
{
    public const string IdField = "id";
    public const string WaitField = "wait";


    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var payments = endpoints.MapGroup("/payments").WithTags("Payments");

        payments.MapPost("", CreateAsync)
            .WithName("CreatePayment")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("Create a payment")
            .WithDescription(
                "Starts a payment from the user's wallet and answers 202 with the payment (status `pending`) and a `Location` header. " +
                "`?wait=true` waits (up to `Api:WaitTimeout`, 10 s by default) for `completed` or `failed` and answers 200, or 202 if still in flight " +
                "(or at once when `RateLimiting:MaxConcurrentWaits` requests are already waiting). A user pays only from their own wallet " +
                "(`user_id` = the token's `sub`); an operator for anyone. " +
                "Insufficient funds is not an HTTP error: the payment ends `failed` with `failure_reason` `insufficient_funds`. " +
                "With an `Idempotency-Key` header a retry returns the same payment with `Idempotent-Replayed: true` and charges once. " +
                "Errors: 400 `validation_error` (field named), 409 `idempotency_key_in_use` (the first request with this key is still being stored; retry), " +
                "403 `forbidden` (`user_id` is another user's), 422 `idempotency_key_reused` (the key was used for a different payment).")
            .Accepts<CreatePaymentRequest>("application/json")
            .WithIdempotencyKey()
            .WithWaitFlag(WaitField, "When true, wait up to `Api:WaitTimeout` (10 s by default) for a final status: 200 if reached, 202 if still in flight.")
            .Produces<ApiResponse<PaymentResponse>>()
            .Produces<ApiResponse<PaymentResponse>>(StatusCodes.Status202Accepted)
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict)
            .Produces<ApiErrorResponse>(StatusCodes.Status422UnprocessableEntity);

        payments.MapGet("/{id}", GetAsync)
            .WithName("GetPayment")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("Get a payment")
            .WithDescription(
                "The payment's current status, with `refunded_amount` and its `refunds`. " +
                "Errors: 400 `validation_error`, 404 `payment_not_found`.")
            .Produces<ApiResponse<PaymentResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        payments.MapGet("/{id}/events", GetEventsAsync)
            .WithName("GetPaymentEvents")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("Get a payment's event history")
            .WithDescription("Every step of the payment, oldest first. Errors: 400 `validation_error`, 404 `payment_not_found`.")
            .Produces<ApiResponse<IReadOnlyList<PaymentEventResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        payments.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelPayment")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("Cancel a payment before it is charged")
            .WithDescription(
                "Voids a payment that has not reached the gateway yet (`pending` or `reserved`): its reservation is released and it ends " +
                "`cancelled`. Cancelling a cancelled payment answers 200 with it again. No body. " +
                "Errors: 400 `validation_error`, 404 `payment_not_found`, 409 `payment_not_cancellable` (the charge has started or the " +
                "payment has ended otherwise; refund a completed payment instead).")
            .Produces<ApiResponse<PaymentResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict);

        return endpoints;
    }

    public static string LocationOf(string paymentId) => "/payments/" + Uri.EscapeDataString(paymentId);

    private static async Task<IResult> CreateAsync(
        [FromQuery(Name = WaitField)] string? wait,
        HttpRequest request,
        JsonBodyReader bodyReader,
        IGrainFactory grains,
        TimeProvider time,
        IOptions<ApiOptions> options,
        ClaimsPrincipal caller,
        WaitSlots waitSlots,
        CancellationToken cancellationToken)
    {
        if (InputValidation.CheckFlag(wait, WaitField, out var waitForOutcome) is { } waitError) return ApiResults.Invalid(waitError);
        if (InputValidation.CheckIdempotencyKey(request, out var key) is { } keyError) return ApiResults.Invalid(keyError);

        var body = await bodyReader.ReadAsync<CreatePaymentRequest>(request, cancellationToken);
        if (body.Error is not null) return body.Refusal;
        var input = body.Value!;
        if (InputValidation.CheckId(input.UserId, "user_id") is { } userError) return ApiResults.Invalid(userError);
        if (InputValidation.CheckId(input.ServiceId, "service_id") is { } serviceError) return ApiResults.Invalid(serviceError);
        if (InputValidation.CheckMoney(input.Amount, input.Currency, out var amount) is { } moneyError) return ApiResults.Invalid(moneyError);
        if (InputValidation.CheckDescription(input.Description) is { } descriptionError) return ApiResults.Invalid(descriptionError);
        if (input.OrderId is not null && InputValidation.CheckId(input.OrderId, OrderEndpoints.OrderIdField) is { } orderError) return ApiResults.Invalid(orderError);

        var userId = input.UserId!;
        if (!caller.MayActFor(userId))
        {
            return ApiAuthorizationResultHandler.Forbidden($"A user pays only from their own wallet; '{userId}' is not yours.", "user_id");
        }

        var paymentId = key is null ? EventIds.New("pay", time.GetUtcNow()) : EventIds.Derive("pay", userId, key);
        var grain = grains.GetPayment(paymentId);
        if (input.OrderId is { } orderId && await OrderPayments.ClaimAsync(grains, orderId, paymentId, userId, amount) is { } orderRefusal)
        {
            return orderRefusal;
        }

        var paymentRequest = new PaymentRequest(userId, input.ServiceId!, amount, input.Description, input.OrderId);

        // Past the cap of held-open waits the payment is answered now, as without wait (a 429 would invite a duplicate).
        using var slot = waitForOutcome ? waitSlots.TryTake() : null;
        Func<Task<CreatePaymentResult>> create = slot is not null
            ? () => grain.CreateAndWaitAsync(paymentRequest, options.Value.WaitTimeout)
            : () => grain.CreateAsync(paymentRequest);

        // A payment id minted here has nothing stored under it: the grain is told so and skips its storage read.
        // One keyed by an idempotency key may be a replay, so its grain reads.
        // The wallet rides in the request context, so the silo that places the new payment can put it beside its wallet.
        var result = await WalletAffinity.CallAsync(userId, key is null ? () => MintedIds.CallAsync(paymentId, create) : create);
        await OrderPayments.ReleaseIfNotCreatedAsync(grains, input.OrderId, paymentId, result);

        switch (result.Outcome)
        {
            case CreatePaymentOutcome.RequestMismatch:
                return ApiResults.Error(
                    StatusCodes.Status422UnprocessableEntity,
                    ErrorCodes.IdempotencyKeyReused,
                    $"This {ApiHeaders.IdempotencyKey} was used for a different payment request.",
                    ApiHeaders.IdempotencyKey);
            case CreatePaymentOutcome.InProgress:
                return ApiResults.Error(
                    StatusCodes.Status409Conflict,
                    ErrorCodes.IdempotencyKeyInUse,
                    $"A request with this {ApiHeaders.IdempotencyKey} is still being processed; retry shortly.",
                    ApiHeaders.IdempotencyKey);
            case CreatePaymentOutcome.Created or CreatePaymentOutcome.AlreadyExists:
                break;
            default:
                throw new InvalidOperationException($"Unexpected create outcome {result.Outcome}.");
        }

        if (result.Outcome == CreatePaymentOutcome.AlreadyExists)
        {
            request.HttpContext.Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
        }

        var payment = result.Payment!;

        // Without wait the answer is always 202, also when replaying a payment that has since finished.
        var status = waitForOutcome && payment.Status.IsTerminal() ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
        return ApiResults.Located(status, LocationOf(payment.Id), PaymentResponse.From(payment));
    }

    private static async Task<IResult> GetAsync([FromRoute(Name = IdField)] string id, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var grain = grains.GetPayment(id);
        var payment = await grain.GetAsync();
        return payment is null || !caller.MayActFor(payment.Request.UserId)
            ? PaymentNotFound(id)
            : ApiResults.Ok(PaymentResponse.From(payment, await TransactionEndpoints.OfAsync(grain, payment)));
    }

    private static async Task<IResult> GetEventsAsync([FromRoute(Name = IdField)] string id, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var grain = grains.GetPayment(id);
        if (await grain.GetAsync() is not { } payment || !caller.MayActFor(payment.Request.UserId)) return PaymentNotFound(id);

        var history = await grain.GetEventsAsync();
        IReadOnlyList<PaymentEventResponse> events = history.Select(PaymentEventResponse.From).ToList();
        return ApiResults.Ok(events);
    }

    private static async Task<IResult> CancelAsync([FromRoute(Name = IdField)] string id, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var grain = grains.GetPayment(id);
        // A user cancels only their own payment; someone else's answers as if it did not exist.
        if (!caller.IsOperator() && (await grain.GetAsync() is not { } payment || !caller.MayActFor(payment.Request.UserId)))
        {
            return PaymentNotFound(id);
        }

        var result = await grain.CancelAsync();
        return result.Outcome switch
        {
            CancelOutcome.Cancelled or CancelOutcome.AlreadyCancelled => ApiResults.Ok(PaymentResponse.From(result.Payment!)),
            CancelOutcome.NotCancellable => ApiResults.Error(
                StatusCodes.Status409Conflict,
                ErrorCodes.PaymentNotCancellable,
                $"Payment '{id}' is {result.Payment!.Status.ToWireName()}; only a pending or reserved payment can be cancelled."),
            CancelOutcome.NotFound => PaymentNotFound(id),
            _ => throw new InvalidOperationException($"Unexpected cancel outcome {result.Outcome}."),
        };
    }

    internal static IResult PaymentNotFound(string id) =>
        ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.PaymentNotFound, $"No payment has id '{id}'.", IdField);
}
