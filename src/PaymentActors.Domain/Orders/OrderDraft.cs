namespace PaymentActors.Orders;

/// <summary>What a client asks an order to be: its lines (totals are the server's), addresses and notes.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.OrderDraft")]
public sealed record OrderDraft(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Currency,
    [property: Id(2)] IReadOnlyList<OrderLine> Items,
    [property: Id(3)] Address ShippingAddress,
    [property: Id(4)] Address BillingAddress,
    [property: Id(5)] string? Notes)
{
    /// <summary>Two drafts are the same request when every field is (records compare lists by reference).</summary>
    public bool SameAs(OrderDraft other) =>
        UserId == other.UserId && Currency == other.Currency && Items.SequenceEqual(other.Items) &&
        ShippingAddress == other.ShippingAddress && BillingAddress == other.BillingAddress && Notes == other.Notes;
}
