using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Clustering;

/// <summary>
/// Orleans's membership table on Azure Tables. Every change to a silo row also replaces the version row If-Match the
/// version the caller read, in one entity-group transaction, which is the atomic "row + version" write the membership
/// protocol needs. Keys are explained in <see cref="MembershipEntities"/>.
/// </summary>
public sealed class AzureTableMembershipTable : IMembershipTable
{
    private readonly AzureStorageClusteringOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<AzureTableMembershipTable> _logger;
    private TableClient? _table;

    public AzureTableMembershipTable(
        IOptions<AzureStorageClusteringOptions> options, IOptions<ClusterOptions> clusterOptions, ILogger<AzureTableMembershipTable> logger)
    {
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        _logger = logger;
    }

    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        var createClient = _options.CreateClient
            ?? throw new InvalidOperationException("The membership table has no Azure Table client; call ConfigureTableServiceClient.");
        var service = await createClient().ConfigureAwait(false);
        var table = service.GetTableClient(_options.TableName);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        if (tryInitTableVersion)
        {
            try
            {
                await table.AddEntityAsync(MembershipEntities.VersionEntity(_clusterId, 0), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // Another silo of the cluster created it first.
            }
        }

        _table = table;
        AzureTableMembershipTableLog.TableReady(_logger, _clusterId, _options.TableName);
    }

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        var table = GetTable();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MembershipEntities.Partition(clusterId)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        var table = GetTable();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MembershipEntities.Partition(_clusterId)} and RowKey ne {MembershipEntities.VersionRowKey} and Status eq {(int)SiloStatus.Dead}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetDateTimeOffset(MembershipEntities.IAmAliveTimeProperty) is { } aliveAt && aliveAt < beforeDate)
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {MembershipEntities.Partition(_clusterId)} and (RowKey eq {MembershipEntities.VersionRowKey} or RowKey eq {MembershipEntities.Row(key)})");
        return ReadAsync(filter, cancellationToken);
    }

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {MembershipEntities.Partition(_clusterId)}"), cancellationToken);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        TransactAsync("insert", entry.SiloAddress, cancellationToken,
            new TableTransactionAction(TableTransactionActionType.Add, MembershipEntities.ToEntity(_clusterId, entry)),
            VersionAction(tableVersion));

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) =>
        TransactAsync("update", entry.SiloAddress, cancellationToken,
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, MembershipEntities.ToEntity(_clusterId, entry), new ETag(etag)),
            VersionAction(tableVersion));

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) =>
        await GetTable().UpdateEntityAsync(MembershipEntities.IAmAliveEntity(_clusterId, entry), ETag.All, TableUpdateMode.Merge, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The version row moves to the caller's new version only if nobody moved it since the caller read it.</summary>
    private TableTransactionAction VersionAction(TableVersion tableVersion) =>
        string.IsNullOrEmpty(tableVersion.VersionEtag)
            ? new TableTransactionAction(TableTransactionActionType.Add, MembershipEntities.VersionEntity(_clusterId, tableVersion.Version))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace,
                MembershipEntities.VersionEntity(_clusterId, tableVersion.Version), new ETag(tableVersion.VersionEtag));

    private async Task<bool> TransactAsync(
        string operation, SiloAddress siloAddress, CancellationToken cancellationToken, params TableTransactionAction[] actions)
    {
        try
        {
            await GetTable().SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            AzureTableMembershipTableLog.ConditionFailed(_logger, operation, siloAddress, exception.Status);
            return false;
        }
    }

    private async Task<MembershipTableData> ReadAsync(string filter, CancellationToken cancellationToken)
    {
        var members = new List<Tuple<MembershipEntry, string>>();
        var version = new TableVersion(0, string.Empty);
        await foreach (var entity in GetTable().QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == MembershipEntities.VersionRowKey)
            {
                version = new TableVersion(entity.GetInt32(MembershipEntities.VersionProperty) ?? 0, entity.ETag.ToString());
            }
            else
            {
                members.Add(Tuple.Create(MembershipEntities.FromEntity(entity), entity.ETag.ToString()));
            }
        }

        return new MembershipTableData(members, version);
    }

    private TableClient GetTable() =>
        _table ?? throw new InvalidOperationException("The membership table is not initialized yet.");
}
