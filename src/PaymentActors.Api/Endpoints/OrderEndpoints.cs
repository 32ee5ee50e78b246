using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Events;
using PaymentActors.Money;
using PaymentActors.Orders;

namespace PaymentActors.Api.Endpoints;

/// <summary>Seed 004's orders: create, read, change, cancel, and an operator's forward steps. Each order is a grain.</summary>
public static class OrderEndpoints
{
    public const string IdField = "id";
    public const string OrderIdField = "order_id";
    public const string StatusField = "status";

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/orders").WithTags("Orders");

        orders.MapPost("", CreateAsync)
            .WithName("CreateOrder")
            .WithSummary("Create an order")
            .WithDescription(
                "Creates a `pending` order for `user_id`. Each item's `total_price` (`unit_price` × `quantity`) and the order's `total_amount` " +
                "are computed here, exactly, with the currency's decimals (0 for JPY, 3 for KWD); `order_number` is unique. Answers 201 with " +
                "`Location`. With an `Idempotency-Key` the order is created once however often the request is retried (a replay answers 201 " +
                "with `Idempotent-Replayed: true`). Users create their own orders, operators anyone's. Errors: 400 `validation_error` " +
                "(field named, e.g. `items[0].unit_price`), 403 `forbidden` (another user's), 422 `idempotency_key_reused`.")
            .Accepts<CreateOrderRequest>("application/json")
            .WithIdempotencyKey()
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<OrderResponse>>(StatusCodes.Status201Created)
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status403Forbidden)
            .Produces<ApiErrorResponse>(StatusCodes.Status422UnprocessableEntity);

        orders.MapGet("/{id}", GetAsync)
            .WithName("GetOrder")
            .WithSummary("Get an order")
            .WithDescription(
                "The order with its payment's outcome taken into account: `paid` once its payment completed, `refunded` once that payment was " +
                "fully refunded. `status_history` lists every status it had, oldest first, with when and who (`actor`: the token subject of " +
                "whoever created, cancelled or moved it; null for the changes its payment made). Errors: 400 `validation_error`, 404 `order_not_found` (also for another user's order).")
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<OrderResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        orders.MapPut("/{id}", UpdateAsync)
            .WithName("UpdateOrder")
            .WithSummary("Change an order's items, addresses and notes")
            .WithDescription(
                "Replaces the items, addresses and notes (user and currency stay) and recomputes the totals. Only while the order is `pending` " +
                "and no payment for it is in flight. Errors: 400 `validation_error`, 404 `order_not_found`, 409 `order_not_modifiable`.")
            .Accepts<UpdateOrderRequest>("application/json")
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<OrderResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict);

        orders.MapDelete("/{id}", CancelAsync)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order")
            .WithDescription(
                "Answers 200 with the order, now `cancelled` (again 200 if it already was). Only while unpaid and no payment for it is in " +
                "flight. Errors: 400 `validation_error`, 404 `order_not_found`, 409 `order_not_modifiable`.")
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<OrderResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict);

        orders.MapPost("/{id}/status", AdvanceAsync)
            .WithName("SetOrderStatus")
            .WithSummary("Move a paid order forward (operators)")
            .WithDescription(
                "`processing`, `shipped` or `delivered`, forward only from `paid` (setting the current status again is a no-op). " +
                "The move is recorded in the order's `status_history` with the operator's token subject as `actor`, and in the operator audit log. " +
                "Errors: 400 `validation_error`, 404 `order_not_found`, 409 `order_status_not_allowed`.")
            .Accepts<OrderStatusRequest>("application/json")
            .RequireAuthorization(SecurityPolicies.Operator)
            .Produces<ApiResponse<OrderResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ApiErrorResponse>(StatusCodes.Status409Conflict);

        return endpoints;
    }

    public static string LocationOf(string orderId) => "/orders/" + Uri.EscapeDataString(orderId);

    private static async Task<IResult> CreateAsync(
        HttpRequest request, JsonBodyReader bodyReader, IGrainFactory grains, TimeProvider time, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (InputValidation.CheckIdempotencyKey(request, out var key) is { } keyError) return ApiResults.Invalid(keyError);
        var body = await bodyReader.ReadAsync<CreateOrderRequest>(request, cancellationToken);
        if (body.Error is { } bodyError) return ApiResults.Invalid(bodyError);
        var input = body.Value!;
        if (InputValidation.CheckId(input.UserId, "user_id") is { } userError) return ApiResults.Invalid(userError);
        if (!CurrencyCatalog.TryGet(input.Currency, out _))
        {
            return ApiResults.Invalid(InputValidation.Invalid(InputValidation.CurrencyField, $"'{InputValidation.CurrencyField}' must be a supported upper-case ISO 4217 code."));
        }

        if (CheckContent(input.Items, input.ShippingAddress, input.BillingAddress, input.Notes, input.Currency!, out var lines, out var shipping, out var billing) is { } error)
            return ApiResults.Invalid(error);

        var userId = input.UserId!;
        if (!caller.MayActFor(userId))
        {
            return ApiAuthorizationResultHandler.Forbidden($"A user orders only for themself; '{userId}' is not you.", "user_id");
        }

        var orderId = key is null ? EventIds.New("ord", time.GetUtcNow()) : EventIds.Derive("ord", userId, key);
        var result = await grains.GetGrain<IOrderGrain>(orderId).CreateAsync(
            new OrderDraft(userId, input.Currency!, lines, shipping, billing, input.Notes), caller.UserId());
        switch (result.Outcome)
        {
            case OrderOutcome.RequestMismatch:
                return ApiResults.Error(
                    StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused,
                    $"This {ApiHeaders.IdempotencyKey} was used for a different order.", ApiHeaders.IdempotencyKey);
            case OrderOutcome.AlreadyExists:
                request.HttpContext.Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
                break;
        }

        return ApiResults.Located(StatusCodes.Status201Created, LocationOf(orderId), OrderResponse.From(result.Order!));
    }

    private static async Task<IResult> GetAsync([FromRoute(Name = IdField)] string id, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var order = await grains.GetGrain<IOrderGrain>(id).GetAsync();
        return order is null || !caller.MayActFor(order.Draft.UserId) ? OrderNotFound(id) : ApiResults.Ok(OrderResponse.From(order));
    }

    private static async Task<IResult> UpdateAsync(
        [FromRoute(Name = IdField)] string id, HttpRequest request, JsonBodyReader bodyReader, IGrainFactory grains, ClaimsPrincipal caller,
        CancellationToken cancellationToken)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);
        var body = await bodyReader.ReadAsync<UpdateOrderRequest>(request, cancellationToken);
        if (body.Error is { } bodyError) return ApiResults.Invalid(bodyError);

        var grain = grains.GetGrain<IOrderGrain>(id);
        if (await grain.GetAsync() is not { } order || !caller.MayActFor(order.Draft.UserId)) return OrderNotFound(id);
        var input = body.Value!;
        if (CheckContent(input.Items, input.ShippingAddress, input.BillingAddress, input.Notes, order.Draft.Currency, out var lines, out var shipping, out var billing) is { } error)
            return ApiResults.Invalid(error);

        return Answer(id, await grain.UpdateAsync(lines, shipping, billing, input.Notes));
    }

    private static async Task<IResult> CancelAsync(
        [FromRoute(Name = IdField)] string id, IGrainFactory grains, ClaimsPrincipal caller, ILoggerFactory loggers)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);

        var grain = grains.GetGrain<IOrderGrain>(id);
        if (await grain.GetAsync() is not { } order || !caller.MayActFor(order.Draft.UserId)) return OrderNotFound(id);
        var result = await grain.CancelAsync(caller.UserId());
        if (caller.IsOperator())
        {
            // An operator cancelling someone's order is a status change on their behalf, audited as one.
            LogMove(loggers, caller.UserId()!, id, OrderStatus.Cancelled, result);
        }

        return Answer(id, result);
    }

    private static async Task<IResult> AdvanceAsync(
        [FromRoute(Name = IdField)] string id, HttpRequest request, JsonBodyReader bodyReader, IGrainFactory grains, ClaimsPrincipal caller,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);
        var body = await bodyReader.ReadAsync<OrderStatusRequest>(request, cancellationToken);
        if (body.Error is { } bodyError) return ApiResults.Invalid(bodyError);
        if (!OrderStatusNames.TryParse(body.Value!.Status, out var status) || status is not (OrderStatus.Processing or OrderStatus.Shipped or OrderStatus.Delivered))
        {
            return ApiResults.Invalid(InputValidation.Invalid(StatusField, $"'{StatusField}' must be processing, shipped or delivered."));
        }

        var actor = caller.UserId()!;
        var result = await grains.GetGrain<IOrderGrain>(id).AdvanceAsync(status, actor);
        LogMove(loggers, actor, id, status, result);
        return Answer(id, result);
    }

    private static void LogMove(ILoggerFactory loggers, string actor, string id, OrderStatus to, OrderResult result)
    {
        var outcome = result.Outcome == OrderOutcome.Done && result.StatusBefore == to ? "Unchanged" : result.Outcome.ToString();
        OperatorAuditLog.MovedOrder(
            loggers.CreateLogger(OperatorAuditLog.Category), actor, id, result.StatusBefore?.ToWireName() ?? "(none)", to.ToWireName(), outcome);
    }

    private static IResult Answer(string id, OrderResult result) => result.Outcome switch
    {
        OrderOutcome.Done => ApiResults.Ok(OrderResponse.From(result.Order!)),
        OrderOutcome.NotFound => OrderNotFound(id),
        OrderOutcome.NotModifiable => ApiResults.Error(
            StatusCodes.Status409Conflict, ErrorCodes.OrderNotModifiable,
            result.Order!.PaymentInFlight
                ? $"A payment for order '{id}' is in flight; the order cannot change until it ends."
                : $"Order '{id}' is {result.Order.Status.ToWireName()}; only a pending order can change or be cancelled."),
        OrderOutcome.InvalidTransition => ApiResults.Error(
            StatusCodes.Status409Conflict, ErrorCodes.OrderStatusNotAllowed,
            $"Order '{id}' is {result.Order!.Status.ToWireName()}; its status moves forward only, from paid to processing, shipped, delivered.",
            StatusField),
        _ => throw new InvalidOperationException($"Unexpected order outcome {result.Outcome}."),
    };

    private static ApiError? CheckContent(
        IReadOnlyList<OrderItemBody?>? items, AddressBody? shippingBody, AddressBody? billingBody, string? notes, string currency,
        out IReadOnlyList<OrderLine> lines, out Address shipping, out Address billing)
    {
        shipping = billing = null!;
        return OrderInput.CheckItems(items, currency, out lines)
            ?? OrderInput.CheckAddress(shippingBody, OrderInput.ShippingAddressField, out shipping)
            ?? OrderInput.CheckAddress(billingBody, OrderInput.BillingAddressField, out billing)
            ?? InputValidation.CheckFreeText(notes, OrderInput.NotesField);
    }

    internal static IResult OrderNotFound(string id, string field = IdField) =>
        ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.OrderNotFound, $"No order has id '{id}'.", field);
}
