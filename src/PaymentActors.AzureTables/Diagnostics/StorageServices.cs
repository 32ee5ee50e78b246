namespace PaymentActors.AzureTables.Diagnostics;

/// <summary>The values of the "service" label: which part of the system sent a storage request.</summary>
public static class StorageServices
{
    /// <summary>Orleans's grain storage (Microsoft.Orleans.Persistence.AzureStorage).</summary>
    public const string GrainState = "grain_state";

    /// <summary>Orleans's reminder table (Microsoft.Orleans.Reminders.AzureStorage).</summary>
    public const string Reminders = "reminders";

    /// <summary>Orleans's membership table and the clients' gateway list (Microsoft.Orleans.Clustering.AzureStorage).</summary>
    public const string Clustering = "clustering";

    /// <summary>Our wallet store (snapshot and ledger in one partition per wallet).</summary>
    public const string Wallets = "wallets";

    /// <summary>Our failed-event store.</summary>
    public const string FailedEvents = "failed_events";
}
