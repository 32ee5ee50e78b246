using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.ReminderService;
using Orleans.Storage;
using Orleans.TestingHost;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.FailedEvents;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;
using PaymentActors.Testing;
using PaymentActors.AzureTables.Wallets;
using PaymentActors.FailureRecording;
using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Tests.Hosting;

/// <summary>
/// <see cref="AzureTablesSiloBuilderExtensions.AddPaymentActorsAzureTables(ISiloBuilder, string, Action{AzureTablesSetup}?)"/>
/// and its client twin, in real silos against Azurite: Orleans's own providers, configured as we need them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderWiringTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_silo_keeps_state_and_reminders_through_Orleans_providers_in_binary_and_every_request_is_counted()
    {
        using var recorder = new MeasurementRecorder();
        var (grainTable, reminderTable) = (UniqueNames.Table("wiregrains"), UniqueNames.Table("wirerem"));
        var serviceId = UniqueNames.ServiceId();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) => silo.AddPaymentActorsAzureTables(azurite.ConnectionString, tables =>
        {
            (tables.GrainStateTable, tables.ReminderTable, tables.FailedEventTable) = (grainTable, reminderTable, UniqueNames.Table("wirefe"));
            tables.WalletTable = UniqueNames.Table("wirewallets");
            tables.Clustering = false;
        }));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var services = ((InProcessSiloHandle)cluster.Silos[0]).SiloHost.Services;
            Assert.IsType<AzureTableGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>("Default"));
            Assert.IsType<AzureBasedReminderTable>(services.GetRequiredService<IReminderTable>());
            Assert.IsType<AzureTableFailedEventStore>(services.GetRequiredService<IFailedEventStore>());
            Assert.IsType<AzureTableWalletStore>(services.GetRequiredService<IWalletStore>());

            // This silo registers no serializer of its own (the payment silo does, in AddPaymentActors): the
            // provider would fall back to Newtonsoft JSON, which loses decimal scale, were it not set explicitly.
            var grainStorage = services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get("Default");
            Assert.IsType<OrleansGrainStorageSerializer>(grainStorage.GrainStorageSerializer);

            var grain = cluster.Client.GetGrain<ILedgerGrain>("user/1");
            Assert.Equal(7.00m, await grain.Deposit(7.00m));
            await grain.ScheduleExpiry();
            await cluster.DeactivateAsync(grain);
            Assert.Equal("7.00", (await grain.GetBalance()).ToString(CultureInfo.InvariantCulture));

            // Orleans's key scheme: PartitionKey "{ServiceId}_{GrainId}" with '/' (and '\', '#', '?') folded to '_',
            // RowKey the state's name; the state is in binary properties ("Data"), not JSON text ("StringData").
            var tables = new TableServiceClient(azurite.ConnectionString);
            var stored = Assert.Single(tables.GetTableClient(grainTable).Query<TableEntity>());
            Assert.Equal((serviceId + "_ledger_user_1", "ledger"), (stored.PartitionKey, stored.RowKey));
            Assert.NotNull(stored.GetBinary("Data"));
            Assert.False(stored.ContainsKey("StringData"));
            var reminder = Assert.Single(tables.GetTableClient(reminderTable).Query<TableEntity>());
            Assert.Equal("expiry", reminder.GetString("ReminderName"));

            // Two activations read, one deposit inserts: each request counted once, labelled with who sent it.
            (string, string)[] grainState = [(StorageInstruments.ServiceTag, StorageServices.GrainState), (StorageInstruments.TableTag, grainTable)];
            Assert.Equal(2, recorder.Sum(StorageInstruments.ReadsInstrument, [.. grainState, (StorageInstruments.OperationTag, "read"), (StorageInstruments.StateTag, "ledger")]));
            Assert.Equal(1, recorder.Sum(StorageInstruments.WritesInstrument, [.. grainState, (StorageInstruments.OperationTag, "insert"), (StorageInstruments.StateTag, "ledger")]));
            Assert.Equal(1, recorder.Sum(StorageInstruments.WritesInstrument, [.. grainState, (StorageInstruments.OperationTag, "create_table")]));
            Assert.True(recorder.Sum(StorageInstruments.WritesInstrument,
                (StorageInstruments.ServiceTag, StorageServices.Reminders), (StorageInstruments.TableTag, reminderTable)) >= 1);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
        }
    }

    [Fact]
    public async Task A_table_name_the_service_would_refuse_stops_the_silo_at_start_with_Orleans_validator()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddPaymentActorsAzureTables(azurite.ConnectionString, tables =>
        {
            tables.GrainStateTable = "not_a_table!";
            tables.Clustering = false;
        }));
        await using var cluster = builder.Build();

        var error = await Record.ExceptionAsync(() => cluster.DeployAsync());

        var configurationError = FindInner<OrleansConfigurationException>(error);
        Assert.NotNull(configurationError);
        Assert.Contains("TableName", configurationError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ConnectionStrings:AzureTables")]
    [InlineData("   ", "ConnectionStrings:AzureTables")]
    [InlineData("this is not a connection string", "could not be parsed")]
    public void A_missing_or_malformed_connection_string_is_refused_before_the_silo_is_built(string connectionString, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new AzureTablesSetup().UseConnectionString(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pure_client_finds_the_silo_in_the_Azure_membership_table_and_calls_a_grain()
    {
        var membershipTable = UniqueNames.Table("silos");
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..6];
        var serviceId = UniqueNames.ServiceId();

        var siloBuilder = Host.CreateApplicationBuilder();
        siloBuilder.Logging.SetMinimumLevel(LogLevel.Error);
        siloBuilder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .ConfigureEndpoints(IPAddress.Loopback, LoopbackPorts.Free(), LoopbackPorts.Free())
            .AddPaymentActorsAzureTables(azurite.ConnectionString, tables =>
            {
                (tables.ClusteringTable, tables.GrainStateTable) = (membershipTable, UniqueNames.Table("clustergrains"));
                (tables.ReminderTable, tables.FailedEventTable) = (UniqueNames.Table("clusterrem"), UniqueNames.Table("clusterfe"));
            }));
        using var siloHost = siloBuilder.Build();

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Error);
        clientBuilder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, serviceId))
            .UseAzureTableClustering(azurite.ConnectionString, tables => tables.ClusteringTable = membershipTable));
        using var clientHost = clientBuilder.Build();

        await siloHost.StartAsync();
        try
        {
            await clientHost.StartAsync();
            var grain = clientHost.Services.GetRequiredService<IClusterClient>().GetGrain<ILedgerGrain>("user-2");

            Assert.Equal(12.50m, await grain.Deposit(12.50m));
            await clientHost.StopAsync();
        }
        finally
        {
            await siloHost.StopAsync();
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
