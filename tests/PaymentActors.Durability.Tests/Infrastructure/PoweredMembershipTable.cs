using Microsoft.Extensions.DependencyInjection;

namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>
/// One silo's way to the Azure membership table. After a power cut its writes are lost, but the silo is told they
/// succeeded, so that an in-process kill stops at once instead of retrying its goodbye ("dead") for a minute; its row
/// stays "active" as a crashed process leaves it, and the surviving silos have to find out on their own. Reads pass.
/// </summary>
public sealed class PoweredMembershipTable(IMembershipTable table, SiloPower power) : IMembershipTable
{
    /// <summary>
    /// Puts the power switch in front of the membership table registered so far (Orleans's Azure table, whose type is
    /// internal to its package: it is built from its registration).
    /// </summary>
    public static void Wrap(IServiceCollection services, SiloPower power)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IMembershipTable));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("The membership table is not registered by type; cannot put a power switch in front of it.");
        services.AddSingleton<IMembershipTable>(sp =>
            new PoweredMembershipTable((IMembershipTable)ActivatorUtilities.CreateInstance(sp, implementation), power));
    }

    public Task InitializeMembershipTable(bool tryInitTableVersion) => InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);

    public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) =>
        Write(() => table.InitializeMembershipTableAsync(tryInitTableVersion, cancellationToken));

    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);

    public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) =>
        Write(() => table.DeleteMembershipTableEntriesAsync(clusterId, cancellationToken));

    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);

    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) =>
        Write(() => table.CleanupDefunctSiloEntriesAsync(beforeDate, cancellationToken));

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) => table.ReadRowAsync(key, cancellationToken);

    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => table.ReadAllAsync(cancellationToken);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => InsertRowAsync(entry, tableVersion, CancellationToken.None);

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Write(() => table.InsertRowAsync(entry, tableVersion, cancellationToken));

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) =>
        Write(() => table.UpdateRowAsync(entry, etag, tableVersion, cancellationToken));

    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => Write(() => table.UpdateIAmAliveAsync(entry, cancellationToken));

    private Task Write(Func<Task> write) => power.IsCut ? Task.CompletedTask : write();

    private Task<bool> Write(Func<Task<bool>> write) => power.IsCut ? Task.FromResult(true) : write();
}
