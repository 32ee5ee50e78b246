using Azure.Data.Tables;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Reminders.AzureStorage;
using PaymentActors.AzureTables.FailedEvents;
using PaymentActors.AzureTables.Wallets;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>
/// How the payment actors reach Azure Table Storage: one account, one table per concern (Orleans's default names for its providers),
/// and a Table service client per concern, each with the storage request counter in its pipeline.
/// </summary>
public sealed class AzureTablesSetup
{
    /// <summary>
    /// Builds a Table service client from the options it is given (which carry the request counter). Set by
    /// <see cref="UseConnectionString"/>, or directly for a service URI with a credential (managed identity in production).
    /// </summary>
    public Func<TableClientOptions, TableServiceClient>? CreateClient { get; set; }

    /// <summary>Silo membership on Azure Tables too; false leaves clustering to the host (e.g. localhost clustering).</summary>
    public bool Clustering { get; set; } = true;

    public string GrainStateTable { get; set; } = AzureTableStorageOptions.DEFAULT_TABLE_NAME;

    public string ReminderTable { get; set; } = AzureTableReminderStorageOptions.DEFAULT_TABLE_NAME;

    public string ClusteringTable { get; set; } = AzureStorageClusteringOptions.DEFAULT_TABLE_NAME;

    public string FailedEventTable { get; set; } = AzureTableFailedEventStoreOptions.DEFAULT_TABLE_NAME;

    public string WalletTable { get; set; } = AzureTableWalletStoreOptions.DEFAULT_TABLE_NAME;

    /// <summary>
    /// Adjusts each client's options after the counter is added, by service (one of <see cref="Diagnostics.StorageServices"/>):
    /// retries, timeouts, more policies.
    /// </summary>
    public Action<string, TableClientOptions>? ConfigureClientOptions { get; set; }

    /// <summary>
    /// Uses a storage connection string (Azurite's development one locally). It is parsed here, so that a malformed one
    /// stops the host at start-up with a message that names the setting rather than at the first grain activation.
    /// </summary>
    public AzureTablesSetup UseConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException(
                "The Azure Table Storage connection string is missing or empty. Set ConnectionStrings:AzureTables " +
                "(environment variable ConnectionStrings__AzureTables).", nameof(connectionString));
        }

        try
        {
            // Parsing happens in the constructor; no request is sent.
            _ = new TableServiceClient(connectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                "The Azure Table Storage connection string could not be parsed. Expected e.g. \"DefaultEndpointsProtocol=http;" +
                "AccountName=...;AccountKey=...;TableEndpoint=...\" or \"UseDevelopmentStorage=true\".", nameof(connectionString), exception);
        }

        CreateClient = options => new TableServiceClient(connectionString, options);
        return this;
    }
}
