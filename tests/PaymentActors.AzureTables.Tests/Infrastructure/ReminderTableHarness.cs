using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using PaymentActors.AzureTables.Hosting;

namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>The reminder table as the silo builds it (our extension method), started the way the reminder service starts it.</summary>
internal sealed class ReminderTableHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ReminderTableHarness(ServiceProvider services)
    {
        _services = services;
        Table = services.GetRequiredService<IReminderTable>();
    }

    public IReminderTable Table { get; }

    public static async Task<ReminderTableHarness> StartAsync(string connectionString, string tableName, string serviceId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = "tests";
            options.ServiceId = serviceId;
        });
        services.UseAzureTableReminderService(options =>
        {
            options.TableName = tableName;
            options.ConfigureTableServiceClient(connectionString);
        });
        var provider = services.BuildServiceProvider();
        foreach (var validator in provider.GetServices<IConfigurationValidator>())
        {
            validator.ValidateConfiguration();
        }

        var harness = new ReminderTableHarness(provider);
        await harness.Table.StartAsync();
        return harness;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
