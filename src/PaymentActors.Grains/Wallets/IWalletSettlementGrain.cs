using Orleans.Concurrency;

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
}
