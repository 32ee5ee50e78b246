using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using PaymentActors.Identifiers;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>POST /orders</c>. Totals are computed on the server; fields are nullable so a missing one is named.</summary>
public sealed record CreateOrderRequest(
    [property: Required, StringLength(IdGrammar.MaxLength, MinimumLength = 1), RegularExpression(IdGrammar.Pattern)] string? UserId,
    [property: Required]
    [property: Description("Upper-case ISO 4217 code of every price and total, e.g. USD.")]
    string? Currency,
    [property: Required]
    [property: Description("1 to 100 lines.")]
    IReadOnlyList<OrderItemBody?>? Items,
    [property: Required] AddressBody? ShippingAddress,
    [property: Required] AddressBody? BillingAddress,
    [property: StringLength(1024)] string? Notes = null);
