using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Clustering;

/// <summary>Lets a client find the gateways of its cluster: the active silos in the membership table that have a proxy port.</summary>
public sealed class AzureTableGatewayListProvider : IGatewayListProvider
{
    private readonly AzureStorageGatewayOptions _options;
    private readonly string _clusterId;
    private TableClient? _table;

    public AzureTableGatewayListProvider(
        IOptions<AzureStorageGatewayOptions> options, IOptions<ClusterOptions> clusterOptions, IOptions<GatewayOptions> gatewayOptions)
    {
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
    }

    public TimeSpan MaxStaleness { get; }

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(CancellationToken.None);

    public async Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken)
    {
        var createClient = _options.CreateClient
            ?? throw new InvalidOperationException("The gateway list provider has no Azure Table client; call ConfigureTableServiceClient.");
        var service = await createClient().ConfigureAwait(false);
        _table = service.GetTableClient(_options.TableName);
    }

    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        var table = _table ?? throw new InvalidOperationException("The gateway list provider is not initialized yet.");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MembershipEntities.Partition(_clusterId)} and RowKey ne {MembershipEntities.VersionRowKey} and Status eq {(int)SiloStatus.Active}");
        var gateways = new List<Uri>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (MembershipEntities.GatewayUri(entity) is { } uri)
            {
                gateways.Add(uri);
            }
        }

        return gateways;
    }
}
