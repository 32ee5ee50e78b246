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
    DateTime UpdatedAt,
    [property: Description("Every status the order had, oldest first, with when and who moved it.")]
    IReadOnlyList<OrderStatusChangeResponse> StatusHistory)
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
        order.UpdatedAt.UtcDateTime,
        [.. order.StatusHistory.Select(OrderStatusChangeResponse.From)]);
}

/// <summary>One line of an order: <c>total_price</c> = <c>unit_price</c> × <c>quantity</c>, exactly.</summary>
public sealed record OrderItemResponse(long ProductId, int Quantity, string UnitPrice, string TotalPrice);

/// <summary>One step of an order's status history.</summary>
public sealed record OrderStatusChangeResponse(
    [property: Description("pending, paid, processing, shipped, delivered, cancelled or refunded.")]
    string Status,
    [property: Description("When the order took this status; for paid and refunded, the time of its payment's completion or full refund.")]
    DateTime At,
    [property: Description("Who moved it: the token subject of the user or operator who created, cancelled or advanced the order; null when its payment did (paid, refunded) or for orders stored before actors were recorded.")]
    string? Actor)
{
    public static OrderStatusChangeResponse From(OrderStatusChange change) => new(change.Status.ToWireName(), change.At.UtcDateTime, change.Actor);
}
