using Azure.Core;
using Azure.Data.Tables;
using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>
/// Makes Table service clients whose every request is counted (<see cref="StorageRequestCountingPolicy"/>), labelled
/// with the service that uses them. Registered in the container, so that application stores get counted clients too.
/// </summary>
public sealed class AzureTableClients(AzureTablesSetup setup, StorageInstruments instruments)
{
    /// <param name="service">The "service" label, e.g. <see cref="StorageServices.GrainState"/>.</param>
    /// <param name="table">The "table" label for requests whose path names no table (table creation, batches).</param>
    public TableServiceClient Create(string service, string table)
    {
        var createClient = setup.CreateClient
            ?? throw new InvalidOperationException($"{nameof(AzureTablesSetup)}.{nameof(AzureTablesSetup.CreateClient)} is not set.");
        var options = new TableClientOptions();
        options.AddPolicy(new StorageRequestCountingPolicy(instruments, service, table), HttpPipelinePosition.PerRetry);
        setup.ConfigureClientOptions?.Invoke(service, options);
        return createClient(options);
    }
}
