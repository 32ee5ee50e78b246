namespace PaymentActors.AzureTables.Options;

/// <summary>Options of the failed-event store.</summary>
public sealed class AzureTableFailedEventStoreOptions : AzureStorageOperationOptions
{
    public const string DEFAULT_TABLE_NAME = "failedevents";

    public override string TableName { get; set; } = DEFAULT_TABLE_NAME;
}
