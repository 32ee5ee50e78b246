using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>Orleans's Azure reminder table keeps a reminder across a whole-cluster restart, and the new cluster fires it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderRestartTests(AzuriteFixture azurite)
{
    // A reminder that keeps ticking, so the test needs no race between a due time and a slow restart: whatever the
    // first cluster counted, the second must count more. Below Orleans's one-minute floor, which the test lowers.
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_reminder_registered_before_a_restart_fires_after_it_without_anyone_calling_the_grain()
    {
        var serviceId = UniqueNames.ServiceId();
        var (grainTable, reminderTable, failedTable) = (UniqueNames.Table("remgrains"), UniqueNames.Table("remrem"), UniqueNames.Table("remfe"));
        InProcessTestCluster NewCluster()
        {
            var builder = new InProcessTestClusterBuilder(1);
            builder.Options.ServiceId = serviceId;
            builder.ConfigureSilo((_, silo) =>
            {
                silo.AddPaymentActorsAzureTables(azurite.ConnectionString, tables =>
                {
                    (tables.GrainStateTable, tables.ReminderTable, tables.FailedEventTable) = (grainTable, reminderTable, failedTable);
                    tables.Clustering = false;
                });
                silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = Period);
            });
            return builder.Build();
        }

        // The ticks the grain made durable, read from its storage so that reading them activates nothing.
        GrainId grainId = default;
        Func<Task<int>> TicksIn(InProcessTestCluster cluster)
        {
            var storage = ((InProcessSiloHandle)cluster.Silos[0]).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>("Default");
            return async () =>
            {
                var state = new GrainState<LedgerState>(new LedgerState());
                await storage.ReadStateAsync("ledger", grainId, state);
                return state.State?.Ticks ?? 0;
            };
        }

        await using (var first = NewCluster())
        {
            await first.DeployAsync();
            var grain = first.Client.GetGrain<ILedgerGrain>("ticking");
            grainId = grain.GetGrainId();
            await grain.ScheduleTick(Period);
            await Eventually.UntilAsync(TicksIn(first), ticks => ticks >= 1, "the reminder to fire in the first cluster", TimeSpan.FromSeconds(30));
            await first.StopAllSilosAsync();
        }

        await using var second = NewCluster();
        await second.DeployAsync();
        try
        {
            // The first cluster has no silo left, so any tick after this count is the second cluster's; nobody calls the
            // grain there, so only the reminder read back from the table can make it.
            var ticksInSecond = TicksIn(second);
            var counted = await ticksInSecond();
            await Eventually.UntilAsync(
                ticksInSecond, ticks => ticks > counted, $"the reminder to fire in the new cluster (past {counted} ticks)", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await second.StopAllSilosAsync();
        }
    }
}
