
namespace PaymentActors.Orders;

/// <summary>
/// One order, keyed by order id. It learns how its payment ended by asking the payment (when read, updated, cancelled or
/// claimed again), so the payment saga needs no call back to it.
/// </summary>
[Alias("PaymentActors.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Creates the order, pending; <paramref name="actor"/> (who asked) opens its status history.</summary>
    [Alias("CreateAsync")]
    Task<OrderResult> CreateAsync(OrderDraft draft, string? actor = null);

    /// <summary>The order, its payment's outcome taken into account; null when there is none.</summary>
    [Alias("GetAsync")]
    Task<OrderSnapshot?> GetAsync();

    [Alias("UpdateAsync")]
    Task<OrderResult> UpdateAsync(IReadOnlyList<OrderLine> items, Address shippingAddress, Address billingAddress, string? notes);

    /// <summary>Cancels an unpaid order; <paramref name="actor"/> (its owner, or an operator) is recorded in its status history.</summary>
    [Alias("CancelAsync")]
    Task<OrderResult> CancelAsync(string? actor = null);

    /// <summary>
    /// Reserves the order for one payment before any funds are: the payment's user, amount and currency must match, and no
    /// other payment may be in flight or done. Claiming again with the same payment id is a replay.
    /// </summary>
    [Alias("ClaimAsync")]
    Task<OrderResult> ClaimAsync(string paymentId, string userId, Money.Money amount);

    /// <summary>Gives up a claim whose payment was never created.</summary>
    [Alias("ReleaseClaimAsync")]
    Task ReleaseClaimAsync(string paymentId);

    /// <summary>
    /// An operator moves a paid order forward: processing, shipped, delivered. <paramref name="actor"/> (the operator) is
    /// recorded in its status history; the result names the status it moved from.
    /// </summary>
    [Alias("AdvanceAsync")]
    Task<OrderResult> AdvanceAsync(OrderStatus status, string? actor = null);
}
