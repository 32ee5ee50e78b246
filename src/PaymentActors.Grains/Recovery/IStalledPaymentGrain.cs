using PaymentActors.Wallets;

namespace PaymentActors.Grains.Recovery;

/// <summary>
/// The payment grain as its wallet sees it when the payment has not settled in time. Internal to the actors; the
/// payment grain implements it beside <c>IPaymentGrain</c>, so both reach the same activation.
/// </summary>
[Alias("PaymentActors.IStalledPaymentGrain")]
public interface IStalledPaymentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Resumes the payment from its own record, or, when it has none yet (it was created and waited on in one call,
    /// so the reservation was its only durable record), from what the wallet holds; a payment that has ended only
    /// settles again (failed event, wallet notice).
    /// </summary>
    [Alias("ResumeStalledAsync")]
    Task ResumeStalledAsync(StalledPayment stalled);
}
