using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using PaymentActors.AzureTables.Diagnostics;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>A pure cluster client that finds the silos' gateways in the Azure membership table (Microsoft.Orleans.Clustering.AzureStorage).</summary>
public static class AzureTablesClientBuilderExtensions
{
    public static IClientBuilder UseAzureTableClustering(this IClientBuilder builder, string connectionString, Action<AzureTablesSetup>? configure = null)
    {
        var setup = new AzureTablesSetup().UseConnectionString(connectionString);
        configure?.Invoke(setup);
        return builder.UseAzureTableClustering(setup);
    }

    public static IClientBuilder UseAzureTableClustering(this IClientBuilder builder, AzureTablesSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.CreateClient is null)
        {
            throw new ArgumentException($"{nameof(AzureTablesSetup)}.{nameof(AzureTablesSetup.CreateClient)} is not set: call UseConnectionString or set it.", nameof(setup));
        }

        builder.Services.AddAzureTableClients(setup);
        return builder.UseAzureStorageClustering((OptionsBuilder<AzureStorageGatewayOptions> options) =>
            options.Configure<StorageInstruments>((o, instruments) =>
            {
                o.TableName = setup.ClusteringTable;
                o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.Clustering, setup.ClusteringTable);
            }));
    }
}
