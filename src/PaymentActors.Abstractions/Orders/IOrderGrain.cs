using Orleans.Concurrency;
using PaymentActors.Payments;
using PaymentActors.Repeats;

namespace PaymentActors.Orders;

/// <summary>
/// One order, keyed by order id. Its payment tells it when it ends or is refunded (a one-way notice); the order also asks
/// the payment whenever it is read, updated, cancelled or claimed again, which makes good a notice that was lost.
/// </summary>
[Alias("PaymentActors.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Creates the order, pending; <paramref name="actor"/> (who asked) opens its status history.</summary>
    [SafeToRepeat]
    [Alias("CreateAsync")]
    Task<OrderResult> CreateAsync(OrderDraft draft, string? actor = null);

    /// <summary>The order, its payment's outcome taken into account; null when there is none.</summary>
    [SafeToRepeat]
    [Alias("GetAsync")]
    Task<OrderSnapshot?> GetAsync();

    [Alias("UpdateAsync")]
    Task<OrderResult> UpdateAsync(IReadOnlyList<OrderLine> items, Address shippingAddress, Address billingAddress, string? notes);

    /// <summary>Cancels an unpaid order; <paramref name="actor"/> (its owner, or an operator) is recorded in its status history.</summary>
    [SafeToRepeat]
    [Alias("CancelAsync")]
    Task<OrderResult> CancelAsync(string? actor = null);

    /// <summary>
    /// Reserves the order for one payment before any funds are: the payment's user, amount and currency must match, and no
    /// other payment may be in flight or done. Claiming again with the same payment id is a replay.
    /// </summary>
    [SafeToRepeat]
    [Alias("ClaimAsync")]
    Task<OrderResult> ClaimAsync(string paymentId, string userId, Money.Money amount);

    /// <summary>Gives up a claim whose payment was never created.</summary>
    [SafeToRepeat]
    [Alias("ReleaseClaimAsync")]
    Task ReleaseClaimAsync(string paymentId);

    /// <summary>
    /// An operator moves a paid order forward: processing, shipped, delivered. <paramref name="actor"/> (the operator) is
    /// recorded in its status history; the result names the status it moved from.
    /// </summary>
    [Alias("AdvanceAsync")]
    Task<OrderResult> AdvanceAsync(OrderStatus status, string? actor = null);

    /// <summary>
    /// The payment that claimed or paid the order ended or was refunded: the order applies it at once, so that its row in
    /// the user's list (and a list filtered by status) is current without anyone reading the order first. One-way: the
    /// payment does not wait on its order, and a lost notice is made good by the next read of the order.
    /// </summary>
    [OneWay, Alias("PaymentChangedAsync")]
    Task PaymentChangedAsync(PaymentSnapshot payment);
}
