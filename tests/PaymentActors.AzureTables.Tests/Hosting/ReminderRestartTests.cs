using Orleans.Storage;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>Orleans's Azure reminder table keeps a reminder across a whole-cluster restart, and the new cluster fires it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderRestartTests(AzuriteFixture azurite)
{
    // Long enough for the first cluster to stop before it is due, even on a busy machine.
    private static readonly TimeSpan DueTime = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it_without_anyone_calling_the_grain()
    {
        var serviceId = UniqueNames.ServiceId();
        var (grainTable, reminderTable, failedTable) = (UniqueNames.Table("remgrains"), UniqueNames.Table("remrem"), UniqueNames.Table("remfe"));
        InProcessTestCluster NewCluster()
        {
            var builder = new InProcessTestClusterBuilder(1);
            builder.Options.ServiceId = serviceId;
            builder.ConfigureSilo((_, silo) => silo.AddPaymentActorsAzureTables(azurite.ConnectionString, tables =>
            {
                (tables.GrainStateTable, tables.ReminderTable, tables.FailedEventTable) = (grainTable, reminderTable, failedTable);
                tables.Clustering = false;
            }));
            return builder.Build();
        }

        GrainId grainId;
        await using (var first = NewCluster())
        {
            await first.DeployAsync();
            var grain = first.Client.GetGrain<ILedgerGrain>("ticking");
            grainId = grain.GetGrainId();
            await grain.ScheduleTick(DueTime);
            await first.StopAllSilosAsync();
        }

        await using var second = NewCluster();
        await second.DeployAsync();
        try
        {
            var storage = ((InProcessSiloHandle)second.Silos[0]).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>("Default");
            async Task<int> TicksAsync()
            {
                var state = new GrainState<LedgerState>(new LedgerState());
                await storage.ReadStateAsync("ledger", grainId, state);
                return state.State?.Ticks ?? 0;
            }

            Assert.Equal(0, await TicksAsync());
            await PaymentActors.Testing.Eventually.UntilAsync(TicksAsync, ticks => ticks == 1, "the reminder to fire in the new cluster", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await second.StopAllSilosAsync();
        }
    }
}
