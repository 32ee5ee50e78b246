using System.ComponentModel;
using PaymentActors.Orders;

namespace PaymentActors.Api.Contracts;

/// <summary>An order (seed 004). Prices and totals are strings with the currency's decimals, computed on the server.</summary>
public sealed record OrderResponse(
    string Id,
    [property: Description("Unique, derived from the order id.")]
    string OrderNumber,
    string UserId,
    [property: Description("pending, paid, processing, shipped, delivered, cancelled or refunded.")]
    string Status,
    string Currency,
    IReadOnlyList<OrderItemResponse> Items,
    [property: Description("The sum of the items' total_price.")]
    string TotalAmount,
    AddressBody ShippingAddress,
    AddressBody BillingAddress,
    string? Notes,
    [property: Description("The payment that paid the order, or the one in flight for it.")]
    string? PaymentId,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static OrderResponse From(OrderSnapshot order) => new(
        order.Id,
        order.OrderNumber,
        order.Draft.UserId,
        order.Status.ToWireName(),
        order.Draft.Currency,
        [.. order.Draft.Items.Select(i => new OrderItemResponse(
            i.ProductId, i.Quantity, Money.Money.Format(i.UnitPrice, order.Draft.Currency), Money.Money.Format(i.TotalPrice, order.Draft.Currency)))],
        Money.Money.Format(order.TotalAmount, order.Draft.Currency),
        AddressBody.From(order.Draft.ShippingAddress),
        AddressBody.From(order.Draft.BillingAddress),
        order.Draft.Notes,
        order.PaymentId,
        order.CreatedAt.UtcDateTime,
        order.UpdatedAt.UtcDateTime);
}

/// <summary>One line of an order: <c>total_price</c> = <c>unit_price</c> × <c>quantity</c>, exactly.</summary>
public sealed record OrderItemResponse(long ProductId, int Quantity, string UnitPrice, string TotalPrice);
