using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics.Metrics;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.AzureTables.Tests.Diagnostics;

/// <summary>The request counter in the pipeline of every client <see cref="AzureTableClients"/> makes, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageRequestCountingTests(AzuriteFixture azurite) : IDisposable
{
    private const string Service = "test_service";

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeasurementRecorder _recorder = new();

    [Fact]
    public async Task Each_request_counts_once_as_a_read_or_a_write_with_its_table_operation_and_status()
    {
        var tableName = UniqueNames.Table("counted");
        var table = Clients(new AzureTablesSetup().UseConnectionString(azurite.ConnectionString)).Create(Service, tableName).GetTableClient(tableName);

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r1") { ["v"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r1")).Value;
        await table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace));
        await table.UpsertEntityAsync(new TableEntity("p", "r2"), TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity("p", "r2") { ["w"] = 2 }, TableUpdateMode.Merge);
        await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r3"))]);
        var queried = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == "p"))
        {
            queried++;
        }

        await table.DeleteEntityAsync("p", "r1");

        Assert.Equal((412, 3), (stale.Status, queried));
        Assert.Equal(1, Writes("create_table", "204"));
        Assert.Equal(1, Writes("insert", "204"));
        Assert.Equal(1, Reads("read", "200"));
        Assert.Equal(1, Writes("update", "204"));
        Assert.Equal(1, Writes("update", "412"));
        Assert.Equal(1, Writes("upsert", "204"));
        Assert.Equal(1, Writes("upsert_merge", "204"));
        Assert.Equal(1, Writes("batch", "202"));
        Assert.Equal(1, Reads("query", "200"));
        Assert.Equal(1, Writes("delete", "204"));
        Assert.Equal(8, _recorder.Sum(StorageInstruments.WritesInstrument, (StorageInstruments.TableTag, tableName)));
        Assert.Equal(2, _recorder.Sum(StorageInstruments.ReadsInstrument, (StorageInstruments.TableTag, tableName)));

        long Writes(string operation, string status) => _recorder.Sum(StorageInstruments.WritesInstrument,
            (StorageInstruments.ServiceTag, Service), (StorageInstruments.TableTag, tableName), (StorageInstruments.OperationTag, operation), (StorageInstruments.StatusTag, status));
        long Reads(string operation, string status) => _recorder.Sum(StorageInstruments.ReadsInstrument,
            (StorageInstruments.ServiceTag, Service), (StorageInstruments.TableTag, tableName), (StorageInstruments.OperationTag, operation), (StorageInstruments.StatusTag, status));
    }

    [Fact]
    public async Task A_request_the_client_retries_counts_once_per_attempt()
    {
        var tableName = UniqueNames.Table("retried");
        var setup = new AzureTablesSetup().UseConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};TableEndpoint=http://127.0.0.1:{LoopbackPorts.Free()}/devstoreaccount1;");
        setup.ConfigureClientOptions = (_, options) =>
        {
            options.Retry.Mode = RetryMode.Fixed;
            options.Retry.MaxRetries = 2;
            options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        };
        var table = Clients(setup).Create(Service, tableName).GetTableClient(tableName);

        await Assert.ThrowsAnyAsync<Exception>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(3, _recorder.Sum(StorageInstruments.ReadsInstrument,
            (StorageInstruments.TableTag, tableName), (StorageInstruments.OperationTag, "read"), (StorageInstruments.StatusTag, "none")));
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _services.Dispose();
    }

    private AzureTableClients Clients(AzureTablesSetup setup) => new(setup, new StorageInstruments(_services.GetRequiredService<IMeterFactory>()));
}
