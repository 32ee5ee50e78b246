using Azure.Data.Tables;

namespace PaymentActors.AzureTables.FailedEvents;

/// <summary>Where the failed-event store keeps its table.</summary>
public sealed class AzureTableFailedEventStoreOptions
{
    public const string DEFAULT_TABLE_NAME = "failedevents";

    public string TableName { get; set; } = DEFAULT_TABLE_NAME;

    /// <summary>The account's Table service client (with the storage request counter in its pipeline).</summary>
    public TableServiceClient? TableServiceClient { get; set; }
}
