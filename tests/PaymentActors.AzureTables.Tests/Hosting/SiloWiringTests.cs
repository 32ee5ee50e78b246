using Azure.Data.Tables;
using Orleans.TestingHost;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>The extension methods the lead calls, in a real (in-process) silo against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SiloWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_grain_state_written_through_the_silo_survives_deactivation_and_its_reminder_is_stored()
    {
        var grainTable = UniqueNames.Table("silograins");
        var reminderTable = UniqueNames.Table("silorem");
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddAzureTableGrainStorageAsDefault(options =>
            {
                options.TableName = grainTable;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            });
            silo.UseAzureTableReminderService(options =>
            {
                options.TableName = reminderTable;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var grain = cluster.Client.GetGrain<ILedgerGrain>("user/1");
            Assert.Equal(7.00m, await grain.Deposit(7.00m));
            await grain.ScheduleExpiry();

            await cluster.DeactivateAsync(grain);
            var balance = await grain.GetBalance();

            Assert.Equal("7.00", balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var tables = new TableServiceClient(azurite.ConnectionString);
            Assert.Single(tables.GetTableClient(grainTable).Query<TableEntity>());
            var reminder = Assert.Single(tables.GetTableClient(reminderTable).Query<TableEntity>());
            Assert.Equal("expiry", reminder.GetString("ReminderName"));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
