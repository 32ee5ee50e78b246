namespace PaymentActors.Cli.Api;

/// <summary>POST /orders: one line per item; the server computes the totals.</summary>
internal sealed record OrderBody(string UserId, string Currency, IReadOnlyList<OrderItemBody> Items, OrderAddressBody ShippingAddress, OrderAddressBody BillingAddress)
{
    /// <summary>An order of one item of <paramref name="price"/>, so that its total is the price.</summary>
    public static OrderBody OneItem(string userId, string currency, decimal price)
    {
        var address = new OrderAddressBody("Av. Principal 123", "Lima", "Lima", "15001", "Peru");
        return new OrderBody(userId, currency, [new OrderItemBody(1, 1, price)], address, address);
    }
}

internal sealed record OrderItemBody(int ProductId, int Quantity, decimal UnitPrice);

internal sealed record OrderAddressBody(string Street, string City, string State, string PostalCode, string Country);
