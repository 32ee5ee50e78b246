using PaymentActors.AzureTables.Clustering;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// One silo's way to the Azure membership table. After a power cut its writes are lost, but the silo is told they
/// succeeded, so that an in-process kill stops at once instead of retrying its goodbye ("dead") for a minute; its row
/// stays "active" as a crashed process leaves it, and the surviving silos have to find out on their own. Reads pass.
/// </summary>
public sealed class PoweredMembershipTable(AzureTableMembershipTable table, SiloPower power) : IMembershipTable
{
    public Task InitializeMembershipTable(bool tryInitTableVersion) => Write(() => table.InitializeMembershipTable(tryInitTableVersion));

    public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) =>
        Write(() => table.InitializeMembershipTableAsync(tryInitTableVersion, cancellationToken));

    public Task DeleteMembershipTableEntries(string clusterId) => Write(() => table.DeleteMembershipTableEntries(clusterId));

    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
        Write(() => table.DeleteMembershipTableEntriesAsync(clusterId, cancellationToken));

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => Write(() => table.CleanupDefunctSiloEntries(beforeDate));

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
        Write(() => table.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken));

    public Task<MembershipTableData> ReadRow(SiloAddress key) => table.ReadRow(key);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) => table.ReadRowAsync(key, cancellationToken);

    public Task<MembershipTableData> ReadAll() => table.ReadAll();

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => table.ReadAllAsync(cancellationToken);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => Write(() => table.InsertRow(entry, tableVersion));

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Write(() => table.InsertRowAsync(entry, tableVersion, cancellationToken));

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => Write(() => table.UpdateRow(entry, etag, tableVersion));

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Write(() => table.UpdateRowAsync(entry, etag, tableVersion, cancellationToken));

    public Task UpdateIAmAlive(MembershipEntry entry) => Write(() => table.UpdateIAmAlive(entry));

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => Write(() => table.UpdateIAmAliveAsync(entry, cancellationToken));

    private Task Write(Func<Task> write) => power.IsCut ? Task.CompletedTask : write();

    private Task<bool> Write(Func<Task<bool>> write) => power.IsCut ? Task.FromResult(true) : write();
}
