using System.ComponentModel;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Contracts;

/// <summary>A wallet. Amounts are strings with the currency's decimals.</summary>
public sealed record WalletResponse(
    [property: Description("The wallet's id: \"wal_\" followed by the user id (one wallet per user; address it by user id).")]
    string Id,
    string UserId,
    [property: Description("Funds held, including reserved funds.")]
    string Balance,
    [property: Description("Funds held for payments in flight.")]
    string Reserved,
    [property: Description("Balance minus reserved: what a new payment can use.")]
    string Available,
    string Currency,
    [property: Description("Increases with every change of the wallet.")]
    long Version,
    DateTime UpdatedAt)
{
    public const string IdPrefix = "wal_";

    public static WalletResponse From(WalletSnapshot wallet) => new(
        IdPrefix + wallet.UserId,
        wallet.UserId,
        Money.Money.Format(wallet.Balance, wallet.Currency),
        Money.Money.Format(wallet.Reserved, wallet.Currency),
        Money.Money.Format(wallet.Available, wallet.Currency),
        wallet.Currency,
        wallet.Version,
        wallet.UpdatedAt.UtcDateTime);
}
