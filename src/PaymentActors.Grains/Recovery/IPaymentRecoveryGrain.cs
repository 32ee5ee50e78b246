namespace PaymentActors.Grains.Recovery;

/// <summary>
/// Durable list of the payments whose saga is under way, in a fixed number of partitions. A payment is tracked
/// before it is acknowledged, so a silo that dies mid-saga cannot strand it: the partition's reminder resumes it.
/// </summary>
[Alias("PaymentActors.IPaymentRecoveryGrain")]
public interface IPaymentRecoveryGrain : IGrainWithStringKey
{
    /// <summary>Completes when the payment id is durably tracked.</summary>
    [Alias("TrackAsync")]
    Task TrackAsync(string paymentId);

    /// <summary>Stops tracking a finished payment; persisted with the next write, since a stale entry is harmless.</summary>
    [Alias("ForgetAsync")]
    Task ForgetAsync(string paymentId);
}
