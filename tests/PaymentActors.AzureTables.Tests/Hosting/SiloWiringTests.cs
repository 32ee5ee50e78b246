using Azure.Data.Tables;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
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
            // The OptionsBuilder form, as the README recommends: it also compiles against Orleans's official package.
            silo.AddAzureTableGrainStorageAsDefault(optionsBuilder => optionsBuilder.Configure<Serializer>((options, serializer) =>
            {
                options.TableName = grainTable;
                options.ConfigureTableServiceClient(azurite.ConnectionString);
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
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

    [Fact]
    public async Task A_silo_with_a_missing_connection_string_refuses_to_start_and_says_why()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAzureTableGrainStorageAsDefault(options => options.ConfigureTableServiceClient(connectionString: null)));
        var cluster = builder.Build();
        try
        {
            var error = await Record.ExceptionAsync(() => cluster.DeployAsync());

            var configurationError = FindInner<OrleansConfigurationException>(error);
            Assert.NotNull(configurationError);
            Assert.Contains("ConnectionStrings:AzureTables", configurationError.Message, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static T? FindInner<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(FindInner<T>).FirstOrDefault(found => found is not null) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
