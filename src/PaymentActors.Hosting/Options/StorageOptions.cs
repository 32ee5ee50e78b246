namespace PaymentActors.Hosting.Options;

/// <summary>The storage choice; bound from configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name of the connection string (under <c>ConnectionStrings</c>) used by <see cref="StorageProvider.AzureTables"/>.</summary>
    public const string AzureTablesConnectionStringName = "AzureTables";

    /// <summary>
    /// Used when <see cref="StorageProvider.AzureTables"/> is chosen without a connection string: Azurite's published
    /// development account (not a secret) on its default table port, as <c>azurite/start.sh</c> and <c>run.sh</c> start it.
    /// </summary>
    public const string LocalAzuriteConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;
}
