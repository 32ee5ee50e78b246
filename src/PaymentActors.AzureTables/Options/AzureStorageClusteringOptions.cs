namespace PaymentActors.AzureTables.Options;

/// <summary>Options of the silo membership table on Azure Tables (mirrors Orleans's AzureStorageClusteringOptions).</summary>
public sealed class AzureStorageClusteringOptions : AzureStorageOperationOptions
{
    public const string DEFAULT_TABLE_NAME = "OrleansSiloInstances";

    public override string TableName { get; set; } = DEFAULT_TABLE_NAME;
}
