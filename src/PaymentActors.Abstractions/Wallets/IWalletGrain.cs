using PaymentActors.Repeats;

namespace PaymentActors.Wallets;

/// <summary>
/// A user's wallet, keyed by user id. Every balance change is serialized by this grain and is
/// idempotent by its operation id (payment id and attempt, or deposit id), also after the reservation is closed.
/// A payment's attempt is 0, and grows only when an operator re-drives a failed payment: each attempt holds its own reservation.
/// </summary>
[Alias("PaymentActors.IWalletGrain")]
public interface IWalletGrain : IGrainWithStringKey
{
    /// <summary>The wallet as last made durable, or null when it has never received a deposit.</summary>
    [SafeToRepeat]
    [Alias("GetAsync")]
    Task<WalletSnapshot?> GetAsync();

    /// <summary>Adds funds; the first deposit creates the wallet in the deposit's currency. <paramref name="actor"/> (the operator) goes on the event.</summary>
    [SafeToRepeat]
    [Alias("DepositAsync")]
    Task<DepositResult> DepositAsync(string depositId, Money.Money amount, string? actor = null);

    /// <summary>Holds funds for a payment until confirmed, released or expired.</summary>
    [Alias("ReserveAsync")]
    Task<ReserveResult> ReserveAsync(string paymentId, Money.Money amount, int attempt = 0);

    /// <summary>Deducts a payment's held funds.</summary>
    [Alias("ConfirmAsync")]
    Task<ReservationResult> ConfirmAsync(string paymentId, int attempt = 0);

    /// <summary>Returns a payment's held funds to the available balance; the reason travels on the event.</summary>
    [Alias("ReleaseAsync")]
    Task<ReservationResult> ReleaseAsync(string paymentId, string reason, int attempt = 0);

    /// <summary>Credits money back for a refund; idempotent by refund id. The actor (the refund's operator) goes on the ledger entry.</summary>
    [Alias("CreditAsync")]
    Task<CreditResult> CreditAsync(string refundId, string paymentId, Money.Money amount, string? actor = null);

    /// <summary>
    /// The durable ledger, newest first: entries with a sequence below <paramref name="startingAfter"/> (all when null),
    /// at most <paramref name="limit"/>.
    /// </summary>
    [SafeToRepeat]
    [Alias("GetLedgerAsync")]
    Task<LedgerPage> GetLedgerAsync(long? startingAfter, int limit);

    /// <summary>
    /// The user's payments or orders as listed in this wallet's partition (durable rows only), newest first: at most
    /// <paramref name="limit"/> rows matching <paramref name="query"/>. Works for a user without a wallet too.
    /// </summary>
    [SafeToRepeat]
    [Alias("ListAsync")]
    Task<IReadOnlyList<ListingRow>> ListAsync(ListingQuery query, int limit);
}
