using System.ComponentModel;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Contracts;

/// <summary>One change of a wallet's balance or reservations. Amounts are strings with the currency's decimals.</summary>
public sealed record LedgerEntryResponse(
    [property: Description("Position in the wallet's ledger: 1 for the first entry, no gaps.")]
    long Sequence,
    [property: Description("deposit, reserve, deduct, release, expire or credit.")]
    string Type,
    string Amount,
    string Currency,
    [property: Description("The payment that reserved, deducted, released or expired funds, or whose refund was credited.")]
    string? PaymentId,
    [property: Description("The deposit that added funds.")]
    string? DepositId,
    [property: Description("The refund that was credited.")]
    string? RefundId,
    [property: Description("The balance right after this entry.")]
    string BalanceAfter,
    [property: Description("Balance minus reserved funds right after this entry.")]
    string AvailableAfter,
    DateTime CreatedAt,
    [property: Description("Who made the change: on a deposit, the operator who deposited (the token's sub); on a credit, the operator who refunded. Null on the other entries, and on entries recorded before the actor was.")]
    string? Actor)
{
    public static LedgerEntryResponse From(LedgerEntry entry) => new(
        entry.Sequence,
        entry.Type,
        Money.Money.Format(entry.Amount, entry.Currency),
        entry.Currency,
        entry.PaymentId,
        entry.DepositId,
        entry.RefundId,
        Money.Money.Format(entry.BalanceAfter, entry.Currency),
        Money.Money.Format(entry.AvailableAfter, entry.Currency),
        entry.CreatedAt.UtcDateTime,
        entry.Actor);
}
