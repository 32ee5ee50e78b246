namespace PaymentActors.Grains.FailureRecording;

/// <summary>Keeps failed events for <c>PaymentActors:FailedEventRetention</c>, then deletes them (one grain, key 0).</summary>
[Alias("PaymentActors.IFailedEventRetentionGrain")]
public interface IFailedEventRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the purge reminder is registered; each silo calls it when it starts.</summary>
    [Alias("StartAsync")]
    Task StartAsync();

    /// <summary>Deletes the failed events past their retention now; returns how many.</summary>
    [Alias("PurgeAsync")]
    Task<int> PurgeAsync();
}
