using System.ComponentModel;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Contracts;

/// <summary>A hold on a wallet's funds for one payment.</summary>
public sealed record ReservationResponse(
    string Id,
    string PaymentId,
    string Amount,
    [property: Description("active, confirmed, released or expired.")]
    string Status,
    DateTime CreatedAt,
    [property: Description("When the hold lapses if the payment has not finished by then.")]
    DateTime ExpiresAt)
{
    public static ReservationResponse From(ReservationView reservation, string currency) => new(
        reservation.Id,
        reservation.PaymentId,
        Money.Money.Format(reservation.Amount, currency),
        ToWireName(reservation.Status),
        reservation.CreatedAt.UtcDateTime,
        reservation.ExpiresAt.UtcDateTime);

    private static string ToWireName(ReservationStatus status) => status switch
    {
        ReservationStatus.Active => "active",
        ReservationStatus.Confirmed => "confirmed",
        ReservationStatus.Released => "released",
        ReservationStatus.Expired => "expired",
        _ => "unknown",
    };
}
