using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace PaymentActors.Api.Contracts;

/// <summary>One line of an order as a client sends it; its total is the server's.</summary>
public sealed record OrderItemBody(
    [property: Required, Range(1, long.MaxValue)]
    [property: Description("The product, an integer from 1 (seed 004).")]
    long? ProductId,
    [property: Required, Range(1, PaymentActors.Orders.OrderPricing.MaxQuantity)]
    int? Quantity,
    [property: Required]
    [property: Description("Positive price of one unit, a JSON number or string with at most the currency's decimals.")]
    JsonElement? UnitPrice);
