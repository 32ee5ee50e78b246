namespace PaymentActors.Api.Options;

/// <summary>The storage choice; bound from configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string (under <c>ConnectionStrings</c>) used by <see cref="StorageProvider.AzureTables"/>.</summary>
    public const string AzureTablesConnectionStringName = "AzureTables";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;
}
