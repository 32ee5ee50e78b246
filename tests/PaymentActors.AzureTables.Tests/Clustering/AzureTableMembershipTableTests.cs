using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using PaymentActors.AzureTables.Clustering;
using PaymentActors.AzureTables.Options;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.Clustering;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableMembershipTableTests(AzuriteFixture azurite)
{
    private static readonly DateTime Started = new(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_new_cluster_has_version_zero_and_no_members_however_many_silos_initialize_it()
    {
        var table = await NewTableAsync();
        var again = await NewTableAsync(tableName: table.TableName, clusterId: table.ClusterId);

        var data = await again.Membership.ReadAllAsync(CancellationToken.None);

        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
        Assert.Empty(data.Members);
    }

    [Fact]
    public async Task An_inserted_row_reads_back_field_for_field_and_moves_the_version()
    {
        var table = await NewTableAsync();
        var suspect = Silo(11112);
        var entry = Entry(Silo(11111), SiloStatus.Joining);
        entry.SuspectTimes = [Tuple.Create(suspect, Started.AddSeconds(5))];
        var version = (await table.Membership.ReadAllAsync(CancellationToken.None)).Version;

        Assert.True(await table.Membership.InsertRowAsync(entry, version.Next()));

        var data = await table.Membership.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(1, data.Version.Version);
        var (stored, eTag) = Assert.Single(data.Members);
        Assert.False(string.IsNullOrEmpty(eTag));
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(30000, stored.ProxyPort);
        Assert.Equal(("host-a", "silo-a", "api", 1, 2), (stored.HostName, stored.SiloName, stored.RoleName, stored.UpdateZone, stored.FaultZone));
        Assert.Equal(Started, stored.StartTime);
        Assert.Equal(Started.AddSeconds(1), stored.IAmAliveTime);
        var (suspectAddress, suspectedAt) = Assert.Single(stored.SuspectTimes!);
        Assert.Equal(suspect, suspectAddress);
        Assert.Equal(Started.AddSeconds(5), suspectedAt);
    }

    [Fact]
    public async Task Inserts_and_updates_against_a_stale_version_or_row_etag_are_refused()
    {
        var table = await NewTableAsync();
        var entry = Entry(Silo(11111), SiloStatus.Joining);
        var initial = (await table.Membership.ReadAllAsync(CancellationToken.None)).Version;
        Assert.True(await table.Membership.InsertRowAsync(entry, initial.Next()));

        Assert.False(await table.Membership.InsertRowAsync(Entry(Silo(11113), SiloStatus.Joining), initial.Next()));
        Assert.False(await table.Membership.InsertRowAsync(entry, (await table.Membership.ReadAllAsync(CancellationToken.None)).Version.Next()));

        var read = await table.Membership.ReadRowAsync(entry.SiloAddress);
        var rowETag = read.Members[0].Item2;
        entry.Status = SiloStatus.Active;
        Assert.False(await table.Membership.UpdateRowAsync(entry, rowETag, initial.Next()));
        Assert.True(await table.Membership.UpdateRowAsync(entry, rowETag, read.Version.Next()));
        var afterUpdate = await table.Membership.ReadAllAsync(CancellationToken.None);
        Assert.False(await table.Membership.UpdateRowAsync(entry, rowETag, afterUpdate.Version.Next()));

        Assert.Equal(2, afterUpdate.Version.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(afterUpdate.Members).Item1.Status);
    }

    [Fact]
    public async Task Of_many_silos_inserting_against_the_same_version_exactly_one_wins()
    {
        var table = await NewTableAsync();
        var version = (await table.Membership.ReadAllAsync(CancellationToken.None)).Version;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            table.Membership.InsertRowAsync(Entry(Silo(12000 + i), SiloStatus.Joining), version.Next())));

        Assert.Equal(1, results.Count(won => won));
        var data = await table.Membership.ReadAllAsync(CancellationToken.None);
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task I_am_alive_updates_only_the_alive_time_and_not_the_version()
    {
        var table = await NewTableAsync();
        var entry = Entry(Silo(11111), SiloStatus.Active);
        await table.Membership.InsertRowAsync(entry, (await table.Membership.ReadAllAsync(CancellationToken.None)).Version.Next());

        await table.Membership.UpdateIAmAliveAsync(Entry(Silo(11111), SiloStatus.Dead, aliveAt: Started.AddMinutes(3)));

        var data = await table.Membership.ReadAllAsync(CancellationToken.None);
        var stored = Assert.Single(data.Members).Item1;
        Assert.Equal(Started.AddMinutes(3), stored.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task Cleanup_removes_dead_silos_last_alive_before_the_date_and_delete_removes_one_cluster_only()
    {
        var table = await NewTableAsync();
        var neighbour = await NewTableAsync(tableName: table.TableName);
        var rows = new[]
        {
            Entry(Silo(1), SiloStatus.Dead, aliveAt: Started.AddHours(-2)),
            Entry(Silo(2), SiloStatus.Dead, aliveAt: Started.AddHours(1)),
            Entry(Silo(3), SiloStatus.Active, aliveAt: Started.AddHours(-2)),
        };
        foreach (var row in rows)
        {
            Assert.True(await table.Membership.InsertRowAsync(row, (await table.Membership.ReadAllAsync(CancellationToken.None)).Version.Next()));
        }

        await neighbour.Membership.InsertRowAsync(Entry(Silo(4), SiloStatus.Active), (await neighbour.Membership.ReadAllAsync(CancellationToken.None)).Version.Next());

        await table.Membership.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started));
        Assert.Equal([2, 3], (await table.Membership.ReadAllAsync(CancellationToken.None)).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order());

        await table.Membership.DeleteMembershipTableEntriesAsync(table.ClusterId);
        Assert.Empty((await table.Membership.ReadAllAsync(CancellationToken.None)).Members);
        Assert.Single((await neighbour.Membership.ReadAllAsync(CancellationToken.None)).Members);
    }

    private async Task<(IMembershipTable Membership, string TableName, string ClusterId)> NewTableAsync(string? tableName = null, string? clusterId = null)
    {
        var table = tableName ?? UniqueNames.Table("silos");
        var cluster = clusterId ?? "cluster/" + Guid.NewGuid().ToString("N")[..6];
        var membership = new ServiceCollection()
            .AddLogging()
            .Configure<ClusterOptions>(options => options.ClusterId = cluster)
            .Configure<AzureStorageClusteringOptions>(options =>
            {
                options.TableName = table;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            })
            .AddSingleton<IMembershipTable, AzureTableMembershipTable>()
            .BuildServiceProvider()
            .GetRequiredService<IMembershipTable>();
        await membership.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return (membership, table, cluster);
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7);

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status, DateTime? aliveAt = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        ProxyPort = 30000,
        HostName = "host-a",
        SiloName = "silo-a",
        RoleName = "api",
        UpdateZone = 1,
        FaultZone = 2,
        StartTime = Started,
        IAmAliveTime = aliveAt ?? Started.AddSeconds(1),
        SuspectTimes = [],
    };
}
