namespace PaymentActors.AzureTables.Options;

/// <summary>Options of a client that finds gateways in the membership table (mirrors Orleans's AzureStorageGatewayOptions).</summary>
public sealed class AzureStorageGatewayOptions : AzureStorageOperationOptions
{
    public override string TableName { get; set; } = AzureStorageClusteringOptions.DEFAULT_TABLE_NAME;
}
