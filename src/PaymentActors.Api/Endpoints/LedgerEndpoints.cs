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
using PaymentActors.Wallets;

namespace PaymentActors.Api.Endpoints;

/// <summary>A wallet's ledger: every change of its balance or reservations, newest first.</summary>
public static class LedgerEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/wallets/{user_id}/ledger", ListAsync)
            .WithTags("Wallets")
            .WithName("GetLedger")
            .WithSummary("List a wallet's ledger, newest first")
            .WithDescription(
                "Every change of the wallet's balance or reservations is one entry (`deposit`, `reserve`, `deduct`, `release`, `expire`, " +
                "`credit`), numbered by `sequence` from 1 without gaps; replaying the entries gives the balance. Pages hold `limit` entries, " +
                "newest first; `has_more` says whether older ones follow, and `next_starting_after` (a sequence) is the `starting_after` " +
                "of the next page. The ledger is complete: it is never trimmed. A `deposit` entry's `actor` is the operator who deposited, " +
                "a `credit` entry's the operator who refunded (null elsewhere). " +
                "Users read their own ledger, operators anyone's. Errors: 400 `validation_error` (`user_id`, `limit` or `starting_after` named), 404 `wallet_not_found`.")
            .WithQueryParameter(FailedEventEndpoints.LimitField, $"Page size, 1 to {MaxLimit} (default {DefaultLimit}).", () => new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = "1",
                Maximum = MaxLimit.ToString(CultureInfo.InvariantCulture),
                Default = JsonValue.Create(DefaultLimit),
            })
            .WithQueryParameter(
                FailedEventEndpoints.StartingAfterField,
                "Return entries older than this sequence (the previous page's `next_starting_after`).",
                () => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" })
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<PageResponse<LedgerEntryResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        [FromRoute(Name = WalletEndpoints.UserIdField)] string userId,
        [FromQuery(Name = FailedEventEndpoints.LimitField)] string? limit,
        [FromQuery(Name = FailedEventEndpoints.StartingAfterField)] string? startingAfter,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (InputValidation.CheckId(userId, WalletEndpoints.UserIdField) is { } idError) return ApiResults.Invalid(idError);
        if (!caller.MayActFor(userId)) return WalletEndpoints.WalletNotFound(userId);
        if (InputValidation.CheckIntegerRange(limit, FailedEventEndpoints.LimitField, 1, MaxLimit, DefaultLimit, out var pageSize) is { } limitError)
            return ApiResults.Invalid(limitError);
        long? cursor = null;
        if (startingAfter is not null)
        {
            if (!long.TryParse(startingAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
            {
                return ApiResults.Invalid(InputValidation.Invalid(
                    FailedEventEndpoints.StartingAfterField, $"'{FailedEventEndpoints.StartingAfterField}' must be a ledger sequence, a whole number from 1."));
            }

            cursor = sequence;
        }

        var wallet = grains.GetWallet(userId);
        if (await wallet.GetAsync() is null) return WalletEndpoints.WalletNotFound(userId);

        var page = await wallet.GetLedgerAsync(cursor, pageSize);
        var items = page.Items.Select(LedgerEntryResponse.From).ToList();
        var next = page.HasMore ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return ApiResults.Ok(new PageResponse<LedgerEntryResponse>(items, page.HasMore, next));
    }
}
