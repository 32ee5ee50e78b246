using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using PaymentActors.Identifiers;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>POST /payments</c>. Fields are nullable so that a missing one is reported by name.</summary>
public sealed record CreatePaymentRequest(
    [property: Required, StringLength(IdGrammar.MaxLength, MinimumLength = 1), RegularExpression(IdGrammar.Pattern)]
    [property: Description("The paying user; their wallet must hold the payment's currency.")]
    string? UserId,
    [property: Required, StringLength(IdGrammar.MaxLength, MinimumLength = 1), RegularExpression(IdGrammar.Pattern)]
    [property: Description("The service being paid for.")]
    string? ServiceId,
    [property: Required]
    [property: Description("Positive amount as a JSON number or string, with at most the currency's decimals, e.g. 100.50 or \"100.50\".")]
    JsonElement? Amount,
    [property: Required]
    [property: Description("Upper-case ISO 4217 code, e.g. USD.")]
    string? Currency,
    [property: StringLength(1024)]
    [property: Description("Optional free text, at most 1024 characters.")]
    string? Description = null,
    [property: StringLength(IdGrammar.MaxLength, MinimumLength = 1), RegularExpression(IdGrammar.Pattern)]
    [property: Description("Optional: the order this payment pays. amount and currency must equal the order's total; the order is claimed before any funds are reserved.")]
    string? OrderId = null);
