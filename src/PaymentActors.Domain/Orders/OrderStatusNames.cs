namespace PaymentActors.Orders;

/// <summary>The wire names of <see cref="OrderStatus"/>.</summary>
public static class OrderStatusNames
{
    public static string ToWireName(this OrderStatus status) => status switch
    {
        OrderStatus.Pending => "pending",
        OrderStatus.Paid => "paid",
        OrderStatus.Processing => "processing",
        OrderStatus.Shipped => "shipped",
        OrderStatus.Delivered => "delivered",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Refunded => "refunded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? name, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (candidate.ToWireName() == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
