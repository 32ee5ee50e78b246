using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.OpenApi;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Events;
using PaymentActors.Identifiers;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Endpoints;

/// <summary>Wallet routes: deposits, balance and active reservations. Each route is one wallet-grain call.</summary>
public static class WalletEndpoints
{
    public const string UserIdField = "user_id";

    public static IEndpointRouteBuilder MapWalletEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var wallets = endpoints.MapGroup("/wallets").WithTags("Wallets");

        wallets.MapPost("/{user_id}/deposits", DepositAsync)
            .WithName("Deposit")
            .RequireAuthorization(SecurityPolicies.Operator)
            .WithSummary("Deposit funds into a user's wallet")
            .WithDescription(
                "Operators only. Adds funds to the wallet of `user_id`; the first deposit creates the wallet in the deposit's currency. " +
                "With an `Idempotency-Key` header the deposit is applied once however often it is retried. " +
                "Errors: 400 `validation_error` (field named), 422 `currency_mismatch` (the wallet holds another currency), " +
                "422 `idempotency_key_reused` (the key was used for a different deposit).")
            .Accepts<DepositRequest>("application/json")
            .WithIdempotencyKey()
            .Produces<ApiResponse<WalletResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status422UnprocessableEntity);

        wallets.MapGet("/{user_id}", GetAsync)
            .WithName("GetWallet")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("Get a user's wallet")
            .WithDescription("Balance, reserved and available funds. A user reads only their own wallet (another's answers 404). Errors: 400 `validation_error`, 404 `wallet_not_found` (no deposit yet).")
            .Produces<ApiResponse<WalletResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        wallets.MapGet("/{user_id}/reservations", GetReservationsAsync)
            .WithName("GetReservations")
            .RequireAuthorization(SecurityPolicies.User)
            .WithSummary("List a wallet's active reservations")
            .WithDescription("Funds currently held for payments in flight; a user's own wallet only. Errors: 400 `validation_error`, 404 `wallet_not_found`.")
            .Produces<ApiResponse<IReadOnlyList<ReservationResponse>>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);

        return endpoints;
    }

    private static async Task<IResult> DepositAsync(
        [FromRoute(Name = UserIdField)] string userId,
        HttpRequest request,
        JsonBodyReader bodyReader,
        IGrainFactory grains,
        TimeProvider time,
        ClaimsPrincipal caller,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (InputValidation.CheckId(userId, UserIdField) is { } idError) return ApiResults.Invalid(idError);
        if (InputValidation.CheckIdempotencyKey(request, out var key) is { } keyError) return ApiResults.Invalid(keyError);

        var body = await bodyReader.ReadAsync<DepositRequest>(request, cancellationToken);
        if (body.Error is not null) return body.Refusal;
        if (InputValidation.CheckMoney(body.Value!.Amount, body.Value.Currency, out var amount) is { } moneyError)
            return ApiResults.Invalid(moneyError);

        // With a key the deposit id is derived from it, so a retry reaches the wallet as the same operation.
        var depositId = key is null ? EventIds.New("dep", time.GetUtcNow()) : EventIds.Derive("dep", userId, key);
        var actor = caller.UserId()!;
        var result = await grains.GetWallet(userId).DepositAsync(depositId, amount, actor);
        OperatorAuditLog.Deposited(
            loggers.CreateLogger(OperatorAuditLog.Category), actor, amount.ToString(), amount.Currency, userId, depositId, result.Outcome.ToString());
        // Without a key the deposit id was minted here: a replay is the front door's own repeat after a lost silo.
        if (result.Outcome == DepositOutcome.AlreadyDeposited && key is not null)
        {
            request.HttpContext.Response.Headers[ApiHeaders.IdempotentReplayed] = "true";
        }

        return result.Outcome switch
        {
            DepositOutcome.Deposited or DepositOutcome.AlreadyDeposited => ApiResults.Ok(WalletResponse.From(result.Wallet!)),
            DepositOutcome.RequestMismatch => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.IdempotencyKeyReused,
                $"This {ApiHeaders.IdempotencyKey} was used for a different deposit.",
                ApiHeaders.IdempotencyKey),
            DepositOutcome.CurrencyMismatch => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity,
                ErrorCodes.CurrencyMismatch,
                $"The wallet holds {result.Wallet?.Currency ?? "another currency"}; it cannot take a deposit in {amount.Currency}.",
                InputValidation.CurrencyField),
            _ => throw new InvalidOperationException($"Unexpected deposit outcome {result.Outcome}."),
        };
    }

    private static async Task<IResult> GetAsync([FromRoute(Name = UserIdField)] string userId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(userId, UserIdField) is { } idError) return ApiResults.Invalid(idError);
        if (!caller.MayActFor(userId)) return WalletNotFound(userId);

        var wallet = await grains.GetWallet(userId).GetAsync();
        return wallet is null ? WalletNotFound(userId) : ApiResults.Ok(WalletResponse.From(wallet));
    }

    private static async Task<IResult> GetReservationsAsync([FromRoute(Name = UserIdField)] string userId, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(userId, UserIdField) is { } idError) return ApiResults.Invalid(idError);
        if (!caller.MayActFor(userId)) return WalletNotFound(userId);

        var wallet = await grains.GetWallet(userId).GetAsync();
        if (wallet is null) return WalletNotFound(userId);

        IReadOnlyList<ReservationResponse> active = wallet.Reservations
            .Where(r => r.Status == ReservationStatus.Active)
            .OrderBy(r => r.CreatedAt)
            .Select(r => ReservationResponse.From(r, wallet.Currency))
            .ToList();
        return ApiResults.Ok(active);
    }

    /// <summary>The 404 of every wallet route: no wallet, or one the caller may not see (never told apart).</summary>
    internal static IResult WalletNotFound(string userId) => ApiResults.Error(
        StatusCodes.Status404NotFound, ErrorCodes.WalletNotFound, $"User '{userId}' has no wallet; a first deposit creates it.", UserIdField);
}
