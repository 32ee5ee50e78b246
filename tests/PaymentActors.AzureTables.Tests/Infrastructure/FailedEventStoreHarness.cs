using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>A failed-event store built through our DI extension, as a silo would build it.</summary>
internal sealed class FailedEventStoreHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FailedEventStoreHarness(string connectionString, string tableName)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAzureTableFailedEventStore(options => options.Configure(o =>
        {
            o.TableName = tableName;
            o.TableServiceClient = new TableServiceClient(connectionString);
        }));
        _services = services.BuildServiceProvider();
        Store = _services.GetRequiredService<IFailedEventStore>();
    }

    public IFailedEventStore Store { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
