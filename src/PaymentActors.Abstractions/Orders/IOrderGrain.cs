
namespace PaymentActors.Orders;

/// <summary>
/// One order, keyed by order id. It learns how its payment ended by asking the payment (when read, updated, cancelled or
/// claimed again), so the payment saga needs no call back to it.
/// </summary>
[Alias("PaymentActors.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    [Alias("CreateAsync")]
    Task<OrderResult> CreateAsync(OrderDraft draft);

    /// <summary>The order, its payment's outcome taken into account; null when there is none.</summary>
    [Alias("GetAsync")]
    Task<OrderSnapshot?> GetAsync();

    [Alias("UpdateAsync")]
    Task<OrderResult> UpdateAsync(IReadOnlyList<OrderLine> items, Address shippingAddress, Address billingAddress, string? notes);

    [Alias("CancelAsync")]
    Task<OrderResult> CancelAsync();

    /// <summary>
    /// Reserves the order for one payment before any funds are: the payment's user, amount and currency must match, and no
    /// other payment may be in flight or done. Claiming again with the same payment id is a replay.
    /// </summary>
    [Alias("ClaimAsync")]
    Task<OrderResult> ClaimAsync(string paymentId, string userId, Money.Money amount);

    /// <summary>Gives up a claim whose payment was never created.</summary>
    [Alias("ReleaseClaimAsync")]
    Task ReleaseClaimAsync(string paymentId);

    /// <summary>An operator moves a paid order forward: processing, shipped, delivered.</summary>
    [Alias("AdvanceAsync")]
    Task<OrderResult> AdvanceAsync(OrderStatus status);
}
