using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Security;
using PaymentActors.Api.Validation;
using PaymentActors.Payments;

namespace PaymentActors.Api.Endpoints;

/// <summary>Seed 004's transactions, read off their payment: a transaction id names its payment, so no index is needed.</summary>
public static class TransactionEndpoints
{
    public const string IdField = "id";

    public static IEndpointRouteBuilder MapTransactionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/transactions/{id}", GetAsync)
            .WithTags("Transactions")
            .WithName("GetTransaction")
            .WithSummary("Get a transaction")
            .WithDescription(
                "A charge, refund or void of a payment (also listed in `GET /payments/{id}`'s `transactions`). Users read their own, " +
                "operators anyone's. Errors: 400 `validation_error`, 404 `transaction_not_found`.")
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<ApiResponse<TransactionResponse>>()
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>The payment's transactions, oldest first.</summary>
    public static async Task<IReadOnlyList<TransactionResponse>> OfAsync(IPaymentGrain grain, PaymentSnapshot payment) =>
        [.. PaymentTransactions.Of(payment, await grain.GetEventsAsync()).Select(TransactionResponse.From)];

    private static async Task<IResult> GetAsync([FromRoute(Name = IdField)] string id, ClaimsPrincipal caller, IGrainFactory grains)
    {
        if (InputValidation.CheckId(id, IdField) is { } idError) return ApiResults.Invalid(idError);
        if (!PaymentTransactions.TryParsePaymentId(id, out var paymentId)) return NotFound(id);

        var grain = grains.GetGrain<IPaymentGrain>(paymentId);
        if (await grain.GetAsync() is not { } payment || !caller.MayActFor(payment.Request.UserId)) return NotFound(id);
        var found = (await OfAsync(grain, payment)).FirstOrDefault(t => t.Id == id);
        return found is null ? NotFound(id) : ApiResults.Ok(found);
    }

    private static IResult NotFound(string id) =>
        ApiResults.Error(StatusCodes.Status404NotFound, ErrorCodes.TransactionNotFound, $"No transaction has id '{id}'.", IdField);
}
