using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>
/// The grain storage as a silo builds it: registered through our extension method, options validated,
/// table created by the lifecycle participant. Every harness gets its own table and service id unless told otherwise.
/// </summary>
internal sealed class GrainStorageHarness : IAsyncDisposable
{
    public const string StorageName = "ledgerStore";

    private readonly ServiceProvider _services;

    private GrainStorageHarness(ServiceProvider services, RequestCounter requests, string tableName)
    {
        _services = services;
        Requests = requests;
        TableName = tableName;
        Storage = services.GetRequiredKeyedService<IGrainStorage>(StorageName);
    }

    public IGrainStorage Storage { get; }

    public RequestCounter Requests { get; }

    public string TableName { get; }

    public static async Task<GrainStorageHarness> StartAsync(
        string connectionString, Action<AzureTableStorageOptions>? configure = null, string? tableName = null, string? serviceId = null)
    {
        var requests = new RequestCounter();
        var table = tableName ?? UniqueNames.Table("grains");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(GrainStorageHarness).Assembly));
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "tests";
            options.ServiceId = serviceId ?? UniqueNames.ServiceId();
        });
        services.AddAzureTableGrainStorage(StorageName, (AzureTableStorageOptions options) =>
        {
            options.TableName = table;
            options.ClientOptions = new TableClientOptions();
            options.ClientOptions.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerCall);
            options.ConfigureTableServiceClient(connectionString);
            configure?.Invoke(options);
        });

        var provider = services.BuildServiceProvider();
        foreach (var validator in provider.GetServices<IConfigurationValidator>())
        {
            validator.ValidateConfiguration();
        }

        var lifecycle = new ManualSiloLifecycle();
        foreach (var participant in provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>())
        {
            participant.Participate(lifecycle);
        }

        await lifecycle.StartAsync();
        return new GrainStorageHarness(provider, requests, table);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
