using System.ComponentModel.DataAnnotations;

namespace PaymentActors.Api.Contracts;

/// <summary>Body of <c>PUT /orders/{id}</c>: the order's new items, addresses and notes (user and currency stay).</summary>
public sealed record UpdateOrderRequest(
    [property: Required] IReadOnlyList<OrderItemBody?>? Items,
    [property: Required] AddressBody? ShippingAddress,
    [property: Required] AddressBody? BillingAddress,
    [property: StringLength(1024)] string? Notes = null);
