using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Identifiers;
using PaymentActors.Orders;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Endpoints;

/// <summary>
/// Lists that page, newest first, shaped as <c>GET /failed-events</c>: a user's payments and orders, read from the index
/// rows in the user's wallet partition (<see cref="ListingRow"/>), and a payment's transactions, read from the payment.
/// </summary>
public static class ListEndpoints
{
    public const string UserIdField = "user_id";
    public const string PaymentIdField = "payment_id";
    public const string StatusField = "status";
    public const string TypeField = "type";
    public const string CreatedAfterField = "created_after";
    public const string CreatedBeforeField = "created_before";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly string[] PaymentStatuses = [.. Enum.GetValues<PaymentStatus>().Select(s => s.ToWireName())];
    private static readonly string[] OrderStatuses = [.. Enum.GetValues<OrderStatus>().Select(s => s.ToWireName())];
    private static readonly string[] TransactionTypes = [PaymentTransactions.Charge, PaymentTransactions.Refund, PaymentTransactions.Void];

    public static IEndpointRouteBuilder MapListEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/payments", ListPaymentsAsync)
            .WithTags("Payments")
            .WithName("ListPayments")
            .WithSummary("List a user's payments, newest first")
            .WithDescription(
                "A user's payments, newest first (by `created_at`, then id), each as `GET /payments/{id}` shows it (without `transactions`). " +
                "Pages hold `limit` payments; `has_more` says whether older ones follow, and `next_starting_after` (a payment id) is the " +
                "`starting_after` of the next page: a page after it holds only payments strictly older than it, so payments created while a " +
                "client pages never shift the pages it has not read yet. Filters: `status`, `order_id`, `created_after` (at or after) and " +
                "`created_before` (strictly before), ISO 8601 times with an offset. Read from an index in the user's wallet partition, kept " +
                "by the wallet's own writes. Users list their own payments, operators anyone's. Errors: 400 `validation_error` (the parameter " +
                "named; `starting_after` must be one of the user's payments), 403 `forbidden` (`user_id` is another user's).")
            .WithQueryParameter(UserIdField, "Whose payments.", IdSchema, required: true)
            .WithQueryParameter(StatusField, "Only payments with this status.", () => EnumSchema(PaymentStatuses))
            .WithQueryParameter(OrderEndpoints.OrderIdField, "Only payments of this order.", IdSchema)
            .WithQueryParameter(CreatedAfterField, "Only payments created at or after this time (ISO 8601 with an offset).", TimeSchema)
            .WithQueryParameter(CreatedBeforeField, "Only payments created strictly before this time (ISO 8601 with an offset).", TimeSchema)
            .WithQueryParameter(FailedEventEndpoints.LimitField, $"Page size, 1 to {MaxLimit} (default {DefaultLimit}).", LimitSchema)
            .WithQueryParameter(FailedEventEndpoints.StartingAfterField, "Return payments older than this payment (the previous page's `next_starting_after`).", IdSchema)
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<PageResponse<PaymentResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status403Forbidden);

        endpoints.MapGet("/orders", ListOrdersAsync)
            .WithTags("Orders")
            .WithName("ListOrders")
            .WithSummary("List a user's orders, newest first")
            .WithDescription(
                "A user's orders, newest first (by `created_at`, then id), each as `GET /orders/{id}` shows it, in pages shaped as " +
                "`GET /payments`'s (`items`, `has_more`, `next_starting_after`, an order id). Filter: `status`. Users list their own orders, " +
                "operators anyone's. Errors: 400 `validation_error` (the parameter named; `starting_after` must be one of the user's orders), " +
                "403 `forbidden` (`user_id` is another user's).")
            .WithQueryParameter(UserIdField, "Whose orders.", IdSchema, required: true)
            .WithQueryParameter(StatusField, "Only orders with this status.", () => EnumSchema(OrderStatuses))
            .WithQueryParameter(FailedEventEndpoints.LimitField, $"Page size, 1 to {MaxLimit} (default {DefaultLimit}).", LimitSchema)
            .WithQueryParameter(FailedEventEndpoints.StartingAfterField, "Return orders older than this order (the previous page's `next_starting_after`).", IdSchema)
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<PageResponse<OrderResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status403Forbidden);

        endpoints.MapGet("/transactions", ListTransactionsAsync)
            .WithTags("Transactions")
            .WithName("ListTransactions")
            .WithSummary("List a payment's transactions, newest first")
            .WithDescription(
                "A payment's charges, refunds and voids, newest first, in pages shaped as `GET /payments`'s (`next_starting_after` is a " +
                "transaction id). Read off the payment itself (a payment holds at most 100 refunds), so no index is needed. Filter: `type`. " +
                "Users list their own payments' transactions, operators anyone's. Errors: 400 `validation_error` (the parameter named; " +
                "`starting_after` must be one of the payment's transactions), 404 `payment_not_found` (also for another user's payment).")
            .WithQueryParameter(PaymentIdField, "Whose transactions.", IdSchema, required: true)
            .WithQueryParameter(TypeField, "Only transactions of this type.", () => EnumSchema(TransactionTypes))
            .WithQueryParameter(FailedEventEndpoints.LimitField, $"Page size, 1 to {MaxLimit} (default {DefaultLimit}).", LimitSchema)
            .WithQueryParameter(FailedEventEndpoints.StartingAfterField, "Return transactions older than this one (the previous page's `next_starting_after`).", IdSchema)
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<PageResponse<TransactionResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<IResult> ListPaymentsAsync(
        [FromQuery(Name = UserIdField)] string? userId,
        [FromQuery(Name = StatusField)] string? status,
        [FromQuery(Name = OrderEndpoints.OrderIdField)] string? orderId,
        [FromQuery(Name = CreatedAfterField)] string? createdAfter,
        [FromQuery(Name = CreatedBeforeField)] string? createdBefore,
        [FromQuery(Name = FailedEventEndpoints.LimitField)] string? limit,
        [FromQuery(Name = FailedEventEndpoints.StartingAfterField)] string? startingAfter,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (CheckUser(userId, caller) is { } userRefusal) return userRefusal;
        if (CheckChoice(status, StatusField, PaymentStatuses) is { } statusError) return ApiResults.Invalid(statusError);
        if (orderId is not null && InputValidation.CheckId(orderId, OrderEndpoints.OrderIdField) is { } orderError) return ApiResults.Invalid(orderError);
        if (CheckTime(createdAfter, CreatedAfterField, out var from) is { } fromError) return ApiResults.Invalid(fromError);
        if (CheckTime(createdBefore, CreatedBeforeField, out var before) is { } beforeError) return ApiResults.Invalid(beforeError);
        if (InputValidation.CheckIntegerRange(limit, FailedEventEndpoints.LimitField, 1, MaxLimit, DefaultLimit, out var pageSize) is { } limitError)
            return ApiResults.Invalid(limitError);

        string? afterKey = null;
        if (startingAfter is not null)
        {
            if (InputValidation.CheckId(startingAfter, FailedEventEndpoints.StartingAfterField) is { } cursorError) return ApiResults.Invalid(cursorError);
            if (await grains.GetPayment(startingAfter).GetAsync() is not { } cursor || cursor.Request.UserId != userId)
                return BadCursor("one of the user's payments (the previous page's `next_starting_after`)");
            afterKey = ListingRow.SortKeyOf(cursor.CreatedAt, cursor.Id);
        }

        var query = new ListingQuery(ListingRow.Payment, afterKey, from, before, status, orderId);
        var (items, hasMore) = await ReadPageAsync(
            grains.GetWallet(userId!), query, pageSize,
            row => grains.GetPayment(row.Id).GetAsync(),
            payment => payment.Request.UserId == userId && (status is null || payment.Status.ToWireName() == status));
        return Page([.. items.Select(p => PaymentResponse.From(p))], hasMore, p => p.Id);
    }

    private static async Task<IResult> ListOrdersAsync(
        [FromQuery(Name = UserIdField)] string? userId,
        [FromQuery(Name = StatusField)] string? status,
        [FromQuery(Name = FailedEventEndpoints.LimitField)] string? limit,
        [FromQuery(Name = FailedEventEndpoints.StartingAfterField)] string? startingAfter,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (CheckUser(userId, caller) is { } userRefusal) return userRefusal;
        if (CheckChoice(status, StatusField, OrderStatuses) is { } statusError) return ApiResults.Invalid(statusError);
        if (InputValidation.CheckIntegerRange(limit, FailedEventEndpoints.LimitField, 1, MaxLimit, DefaultLimit, out var pageSize) is { } limitError)
            return ApiResults.Invalid(limitError);

        string? afterKey = null;
        if (startingAfter is not null)
        {
            if (InputValidation.CheckId(startingAfter, FailedEventEndpoints.StartingAfterField) is { } cursorError) return ApiResults.Invalid(cursorError);
            if (await grains.GetGrain<IOrderGrain>(startingAfter).GetAsync() is not { } cursor || cursor.Draft.UserId != userId)
                return BadCursor("one of the user's orders (the previous page's `next_starting_after`)");
            afterKey = ListingRow.SortKeyOf(cursor.CreatedAt, cursor.Id);
        }

        var query = new ListingQuery(ListingRow.Order, afterKey, Status: status);
        var (items, hasMore) = await ReadPageAsync(
            grains.GetWallet(userId!), query, pageSize,
            row => grains.GetGrain<IOrderGrain>(row.Id).GetAsync(),
            order => order.Draft.UserId == userId && (status is null || order.Status.ToWireName() == status));
        return Page([.. items.Select(OrderResponse.From)], hasMore, o => o.Id);
    }

    private static async Task<IResult> ListTransactionsAsync(
        [FromQuery(Name = PaymentIdField)] string? paymentId,
        [FromQuery(Name = TypeField)] string? type,
        [FromQuery(Name = FailedEventEndpoints.LimitField)] string? limit,
        [FromQuery(Name = FailedEventEndpoints.StartingAfterField)] string? startingAfter,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (paymentId is null) return ApiResults.Invalid(InputValidation.Invalid(PaymentIdField, $"'{PaymentIdField}' is required."));
        if (InputValidation.CheckId(paymentId, PaymentIdField) is { } idError) return ApiResults.Invalid(idError);
        if (CheckChoice(type, TypeField, TransactionTypes) is { } typeError) return ApiResults.Invalid(typeError);
        if (InputValidation.CheckIntegerRange(limit, FailedEventEndpoints.LimitField, 1, MaxLimit, DefaultLimit, out var pageSize) is { } limitError)
            return ApiResults.Invalid(limitError);
        if (startingAfter is not null && InputValidation.CheckId(startingAfter, FailedEventEndpoints.StartingAfterField) is { } cursorError)
            return ApiResults.Invalid(cursorError);

        var grain = grains.GetPayment(paymentId);
        if (await grain.GetAsync() is not { } payment || !caller.MayActFor(payment.Request.UserId))
        {
            // Another user's payment is not found, as on GET /payments/{id}: ids cannot be probed.
            return ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.PaymentNotFound, $"No payment has id '{paymentId}'.", PaymentIdField);
        }

        var newestFirst = (await TransactionEndpoints.OfAsync(grain, payment)).Reverse().ToList();
        var start = 0;
        if (startingAfter is not null)
        {
            start = newestFirst.FindIndex(t => t.Id == startingAfter) + 1;
            if (start == 0) return BadCursor("one of the payment's transactions (the previous page's `next_starting_after`)");
        }

        var matching = newestFirst.Skip(start).Where(t => type is null || t.Type == type).Take(pageSize + 1).ToList();
        return Page(matching.Take(pageSize).ToList(), matching.Count > pageSize, t => t.Id);
    }

    /// <summary>
    /// Reads index rows newest first and each item from its grain, keeping those the grain confirms (a row may lag its
    /// item by one write, so the grain has the last word on the status), until one more than a page is found or the
    /// index has no more rows. A row whose grain has nothing (its write was lost) is skipped.
    /// </summary>
    private static async Task<(List<T> Items, bool HasMore)> ReadPageAsync<T>(
        IWalletGrain wallet, ListingQuery query, int pageSize, Func<ListingRow, Task<T?>> read, Func<T, bool> keep)
        where T : class
    {
        var items = new List<T>(pageSize + 1);
        while (true)
        {
            var rows = await wallet.ListAsync(query, pageSize + 1);
            foreach (var item in await Task.WhenAll(rows.Select(read)))
            {
                if (item is not null && keep(item))
                {
                    items.Add(item);
                    if (items.Count > pageSize)
                    {
                        return (items[..pageSize], true);
                    }
                }
            }

            if (rows.Count <= pageSize)
            {
                return (items, false);
            }

            query = query with { AfterKey = rows[^1].SortKey };
        }
    }

    private static IResult Page<T>(IReadOnlyList<T> items, bool hasMore, Func<T, string> idOf) =>
        ApiResults.Ok(new PageResponse<T>(items, hasMore, hasMore ? idOf(items[^1]) : null));

    /// <summary>
    /// The user whose list is asked for: required, and the caller's own unless an operator asks. Another user's list is
    /// 403, as creating a payment or an order for another user is: the answer is the same whoever that user is.
    /// </summary>
    private static IResult? CheckUser(string? userId, ClaimsPrincipal caller)
    {
        if (userId is null) return ApiResults.Invalid(InputValidation.Invalid(UserIdField, $"'{UserIdField}' is required."));
        if (InputValidation.CheckId(userId, UserIdField) is { } idError) return ApiResults.Invalid(idError);
        return caller.MayActFor(userId)
            ? null
            : ApiAuthorizationResultHandler.Forbidden($"A user lists only their own; '{userId}' is not you.", UserIdField);
    }

    private static ApiError? CheckChoice(string? value, string field, string[] allowed) =>
        value is null || allowed.Contains(value)
            ? null
            : InputValidation.Invalid(field, $"'{field}' must be one of {string.Join(", ", allowed)}.");

    private static ApiError? CheckTime(string? value, string field, out DateTimeOffset? time)
    {
        time = null;
        if (value is null)
        {
            return null;
        }

        // An explicit offset (Z or ±hh:mm): a time without one would be read in the server's zone.
        if (value.Length > 64 ||
            !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ||
            !(value.EndsWith('Z') || value.EndsWith('z') || value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':'))
        {
            return InputValidation.Invalid(field, $"'{field}' must be an ISO 8601 time with an offset, e.g. 2026-01-31T12:00:00Z.");
        }

        time = parsed;
        return null;
    }

    private static IResult BadCursor(string what) => ApiResults.Invalid(InputValidation.Invalid(
        FailedEventEndpoints.StartingAfterField, $"'{FailedEventEndpoints.StartingAfterField}' must be {what}."));

    private static OpenApiSchema IdSchema() => new() { Type = JsonSchemaType.String, MaxLength = InputLimits.MaxIdLength };

    private static OpenApiSchema TimeSchema() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema EnumSchema(string[] values) => new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    private static OpenApiSchema LimitSchema() => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = "1",
        Maximum = MaxLimit.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(DefaultLimit),
    };
}
