using Orleans.Concurrency;
using PaymentActors.Payments;
using PaymentActors.Wallets;

namespace PaymentActors.Grains.Wallets;

/// <summary>
/// What a payment tells its wallet once its ending is durable. Internal to the actors, so it stays out of the
/// public <c>IWalletGrain</c> contract; the wallet grain implements both, so both reach the same activation.
/// </summary>
[Alias("PaymentActors.IWalletSettlementGrain")]
public interface IWalletSettlementGrain : IGrainWithStringKey
{
    /// <summary>
    /// The payment attempt that holds this reservation (see <see cref="ReservationRecord.KeyOf"/>) has ended for good (durably, and it can never be retried), so the saga will never ask about its
    /// reservation again: the wallet may stop remembering it. Persisted with the wallet's next write; one-way,
    /// since a lost notice only leaves the entry to the retention window.
    /// </summary>
    [OneWay, Alias("ForgetSettledReservationAsync")]
    Task ForgetSettledReservationAsync(string reservationKey);

    /// <summary>
    /// Reserves for a payment as <see cref="IWalletGrain.ReserveAsync"/> does, keeping the payment's request with the
    /// reservation: the wallet then resumes the payment if it stalls (its reminder), until the payment settles, so
    /// the payment needs no durable record of its own before its ending.
    /// </summary>
    /// <remarks><paramref name="createdAt"/> (the payment's creation time) places the payment in its user's list, which the reserve and the reservation's close keep current.</remarks>
    [Alias("ReserveForPaymentAsync")]
    Task<ReserveResult> ReserveForPaymentAsync(string paymentId, PaymentRequest request, int attempt, DateTimeOffset createdAt);

    /// <summary>
    /// Writes a payment's or an order's row in its user's list (<see cref="ListingRow"/>) with the wallet's next
    /// commit, for the changes no wallet operation carries: a payment that ended without a reservation, a refund, an order.
    /// Answers once the row is durable.
    /// </summary>
    [Alias("UpdateListingAsync")]
    Task UpdateListingAsync(ListingRow row);

    /// <summary>
    /// The payment's ending is durable but an operator may still retry it: the wallet keeps the outcome and stops
    /// watching the payment. One-way; a lost notice only means one more resume, which finds the payment ended.
    /// </summary>
    [OneWay, Alias("ReservationSettledAsync")]
    Task ReservationSettledAsync(string reservationKey);
}
