using System.Globalization;
using System.Security.Claims;
using CsvHelper;
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

/// <summary>A wallet's ledger over a period as CSV, oldest first, for accounting.</summary>
public static class LedgerExportEndpoints
{
    public const string CsvContentType = "text/csv";

    /// <summary>The columns, named as <c>GET /wallets/{user_id}/ledger</c> names the entry's fields.</summary>
    public static readonly string[] Columns =
        ["sequence", "created_at", "type", "amount", "currency", "balance_after", "available_after", "payment_id", "deposit_id", "refund_id", "actor"];

    public static IEndpointRouteBuilder MapLedgerExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/wallets/{user_id}/ledger/export", ExportAsync)
            .WithTags("Wallets")
            .WithName("ExportLedger")
            .WithSummary("Export a wallet's ledger over a period as CSV, oldest first")
            .WithDescription(
                "The ledger entries created at or after `from` and before `to` (ISO 8601 dates, midnight UTC, or times with an offset; " +
                $"at most {ExportPeriod.MaxDays} days), as RFC 4180 CSV with a header row: " + string.Join(", ", Columns) + ", as " +
                "`GET /wallets/{user_id}/ledger` names them. Amounts have the currency's decimals; `created_at` is UTC; an empty field is null. " +
                "The answer streams: a ledger of any length is read from storage a chunk at a time. Entries written after the export " +
                "started are not in it. Users export their own ledger, operators anyone's. " +
                "Errors: 400 `validation_error` (`user_id`, `from` or `to` named), 404 `wallet_not_found`.")
            .WithQueryParameter(ExportPeriod.FromField, "Start of the period, inclusive: 2026-01-01 or 2026-01-01T00:00:00Z.", TimeSchema)
            .WithQueryParameter(ExportPeriod.ToField, $"End of the period, exclusive; at most {ExportPeriod.MaxDays} days after `from`.", TimeSchema)
            .RequireAuthorization(SecurityPolicies.User)
            .Produces<string>(StatusCodes.Status200OK, CsvContentType)
            .Produces<ApiErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ApiErrorResponse>(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        [FromRoute(Name = WalletEndpoints.UserIdField)] string userId,
        [FromQuery(Name = ExportPeriod.FromField)] string? from,
        [FromQuery(Name = ExportPeriod.ToField)] string? to,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (InputValidation.CheckId(userId, WalletEndpoints.UserIdField) is { } idError) return ApiResults.Invalid(idError);
        if (!caller.MayActFor(userId)) return WalletEndpoints.WalletNotFound(userId);
        if (ExportPeriod.Check(from, to, out var period) is { } periodError) return ApiResults.Invalid(periodError);

        var wallet = grains.GetWallet(userId);
        if (await wallet.GetAsync() is null) return WalletEndpoints.WalletNotFound(userId);

        // Found before the answer starts, so that a failure here is still an error envelope.
        var range = new LedgerRange(wallet, period.From, period.To);
        var bounds = await range.FindAsync();
        var fileName = FormattableString.Invariant($"ledger_{period.From.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}_{period.To.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.csv");
        return Results.Stream(
            async body =>
            {
                await using var csv = CsvWriter.Create(body, options: null, leaveOpen: true);
                await csv.WriteRecordAsync(Columns);
                if (bounds is var (first, last))
                {
                    await foreach (var entry in range.ReadAsync(first, last))
                    {
                        await csv.WriteRecordAsync(Row(entry));
                    }
                }

                await csv.FlushAsync();
            },
            CsvContentType + "; charset=utf-8",
            fileName);
    }

    private static string?[] Row(LedgerEntry entry) =>
    [
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        entry.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        entry.Type,
        Money.Money.Format(entry.Amount, entry.Currency),
        entry.Currency,
        Money.Money.Format(entry.BalanceAfter, entry.Currency),
        Money.Money.Format(entry.AvailableAfter, entry.Currency),
        entry.PaymentId,
        entry.DepositId,
        entry.RefundId,
        entry.Actor,
    ];

    private static OpenApiSchema TimeSchema() => new() { Type = JsonSchemaType.String, Format = "date-time" };
}
