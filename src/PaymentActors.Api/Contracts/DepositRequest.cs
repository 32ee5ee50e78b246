using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>POST /wallets/{user_id}/deposits</c>. Fields are nullable so that a missing one is reported by name.</summary>
public sealed record DepositRequest(
    [property: Required]
    [property: Description("Positive amount as a JSON number or string, with at most the currency's decimals, e.g. 100.50 or \"100.50\".")]
    JsonElement? Amount,
    [property: Required]
    [property: Description("Upper-case ISO 4217 code, e.g. USD. The first deposit fixes the wallet's currency.")]
    string? Currency);
