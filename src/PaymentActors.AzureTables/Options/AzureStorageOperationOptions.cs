using Azure;
using Azure.Core;
using Azure.Data.Tables;
using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.Options;

/// <summary>
/// What every Azure Table provider here needs: which table, and how to build the <see cref="TableServiceClient"/>.
/// Shaped like Orleans's own AzureStorageOperationOptions so the official packages can replace ours.
/// </summary>
public class AzureStorageOperationOptions
{
    private string? _connectionString;
    private bool _blankConnectionStringGiven;

    /// <summary>The table that holds this provider's entities (3-63 letters or digits, starting with a letter).</summary>
    public virtual string TableName { get; set; } = string.Empty;

    /// <summary>Options for the table client (retries, transport, pipeline policies); null for the SDK defaults.</summary>
    public TableClientOptions? ClientOptions { get; set; }

    /// <summary>Builds the service client; set by one of the ConfigureTableServiceClient overloads.</summary>
    internal Func<Task<TableServiceClient>>? CreateClient { get; private set; }

    /// <summary>
    /// Uses a storage connection string (for Azurite: "UseDevelopmentStorage=true" or the full dev string).
    /// A missing or blank value is reported when the silo or host validates its configuration, not here,
    /// so that configuration binding can pass whatever it found.
    /// </summary>
    public void ConfigureTableServiceClient(string? connectionString)
    {
        _blankConnectionStringGiven = string.IsNullOrWhiteSpace(connectionString);
        _connectionString = _blankConnectionStringGiven ? null : connectionString;
        CreateClient = _connectionString is { } value
            ? () => Task.FromResult(new TableServiceClient(value, ClientOptions ?? new TableClientOptions()))
            : null;
    }

    /// <summary>Uses an authenticated service URI (for example one carrying a SAS token).</summary>
    public void ConfigureTableServiceClient(Uri serviceUri)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        SetClientFactory(() => new TableServiceClient(serviceUri, ClientOptions ?? new TableClientOptions()));
    }

    /// <summary>Uses a service URI and an Entra ID credential (managed identity in production).</summary>
    public void ConfigureTableServiceClient(Uri serviceUri, TokenCredential tokenCredential)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(tokenCredential);
        SetClientFactory(() => new TableServiceClient(serviceUri, tokenCredential, ClientOptions ?? new TableClientOptions()));
    }

    /// <summary>Uses a service URI and a SAS credential.</summary>
    public void ConfigureTableServiceClient(Uri serviceUri, AzureSasCredential azureSasCredential)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(azureSasCredential);
        SetClientFactory(() => new TableServiceClient(serviceUri, azureSasCredential, ClientOptions ?? new TableClientOptions()));
    }

    /// <summary>Uses a service URI and an account key.</summary>
    public void ConfigureTableServiceClient(Uri serviceUri, TableSharedKeyCredential sharedKeyCredential)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(sharedKeyCredential);
        SetClientFactory(() => new TableServiceClient(serviceUri, sharedKeyCredential, ClientOptions ?? new TableClientOptions()));
    }

    /// <summary>Uses a client that the caller builds.</summary>
    public void ConfigureTableServiceClient(Func<Task<TableServiceClient>> createClientCallback)
    {
        ArgumentNullException.ThrowIfNull(createClientCallback);
        _connectionString = null;
        _blankConnectionStringGiven = false;
        CreateClient = createClientCallback;
    }

    /// <summary>Every problem with these options, each as a sentence that says how to fix it; empty when valid.</summary>
    internal IReadOnlyList<string> GetValidationErrors()
    {
        var errors = new List<string>();
        if (_blankConnectionStringGiven)
        {
            errors.Add("The Azure Table Storage connection string is missing or empty. Set ConnectionStrings:AzureTables " +
                       "(environment variable ConnectionStrings__AzureTables), e.g. to the Azurite development connection string.");
        }
        else if (CreateClient is null)
        {
            errors.Add("No Azure Table Storage client is configured. Call ConfigureTableServiceClient(connectionString) " +
                       "or another ConfigureTableServiceClient overload.");
        }
        else if (_connectionString is not null && !IsParsableConnectionString(_connectionString))
        {
            errors.Add("The Azure Table Storage connection string could not be parsed. Expected e.g. " +
                       "\"DefaultEndpointsProtocol=http;AccountName=...;AccountKey=...;TableEndpoint=...\" or \"UseDevelopmentStorage=true\".");
        }

        if (!TableNames.IsValid(TableName, out var reason))
        {
            errors.Add($"TableName '{TableName}' is not a valid Azure table name: {reason}");
        }

        return errors;
    }

    private void SetClientFactory(Func<TableServiceClient> create)
    {
        _connectionString = null;
        _blankConnectionStringGiven = false;
        CreateClient = () => Task.FromResult(create());
    }

    private static bool IsParsableConnectionString(string connectionString)
    {
        try
        {
            // Parsing happens in the constructor; no request is sent.
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
