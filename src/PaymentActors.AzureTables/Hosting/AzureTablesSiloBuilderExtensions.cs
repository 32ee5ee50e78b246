using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Reminders.AzureStorage;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.FailedEvents;
using PaymentActors.Metrics;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>
/// The payment actors' storage on Azure Tables, through Orleans's own providers: grain state
/// (Microsoft.Orleans.Persistence.AzureStorage), reminders (Microsoft.Orleans.Reminders.AzureStorage), membership
/// (Microsoft.Orleans.Clustering.AzureStorage), and our wallet and failed-event stores. Every request they send is counted.
/// </summary>
public static class AzureTablesSiloBuilderExtensions
{
    /// <summary>Everything on the account of <paramref name="connectionString"/>; <paramref name="configure"/> may change tables or clients.</summary>
    public static ISiloBuilder AddPaymentActorsAzureTables(this ISiloBuilder builder, string connectionString, Action<AzureTablesSetup>? configure = null)
    {
        var setup = new AzureTablesSetup().UseConnectionString(connectionString);
        configure?.Invoke(setup);
        return builder.AddPaymentActorsAzureTables(setup);
    }

    public static ISiloBuilder AddPaymentActorsAzureTables(this ISiloBuilder builder, AzureTablesSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.CreateClient is null)
        {
            throw new ArgumentException($"{nameof(AzureTablesSetup)}.{nameof(AzureTablesSetup.CreateClient)} is not set: call UseConnectionString or set it.", nameof(setup));
        }

        builder.Services.AddAzureTableClients(setup);

        // The official options validators (table names, a client) run when the silo starts: these overloads register them.
        builder.AddAzureTableGrainStorageAsDefault((OptionsBuilder<AzureTableStorageOptions> options) =>
            options.Configure<StorageInstruments, Serializer>((o, instruments, serializer) =>
            {
                o.TableName = setup.GrainStateTable;
                o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.GrainState, setup.GrainStateTable);

                // Orleans's binary format, never the provider's JSON fallback: JSON turns 100.50m into 100.5 and 0.00m
                // into 0, and drops default values. The silo-wide default (AddPaymentActors) is the same serializer;
                // naming it here keeps money exact even for a host that registers another one.
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

        builder.UseAzureTableReminderService((OptionsBuilder<AzureTableReminderStorageOptions> options) =>
            options.Configure<StorageInstruments>((o, instruments) =>
            {
                o.TableName = setup.ReminderTable;
                o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.Reminders, setup.ReminderTable);
            }));

        if (setup.Clustering)
        {
            builder.UseAzureStorageClustering((OptionsBuilder<AzureStorageClusteringOptions> options) =>
                options.Configure<StorageInstruments>((o, instruments) =>
                {
                    o.TableName = setup.ClusteringTable;
                    o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.Clustering, setup.ClusteringTable);
                }));
        }

        builder.Services.AddAzureTableFailedEventStore(options => options.Configure<StorageInstruments>((o, instruments) =>
        {
            o.TableName = setup.FailedEventTable;
            o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.FailedEvents, setup.FailedEventTable);
        }));
        builder.Services.AddAzureTableWalletStore(options => options.Configure<StorageInstruments>((o, instruments) =>
        {
            o.TableName = setup.WalletTable;
            o.TableServiceClient = new AzureTableClients(setup, instruments).Create(StorageServices.Wallets, setup.WalletTable);
        }));
        return builder;
    }

    /// <summary>The request counter and a counted-client factory for application stores.</summary>
    internal static IServiceCollection AddAzureTableClients(this IServiceCollection services, AzureTablesSetup setup)
    {
        services.AddMetrics();
        services.TryAddSingleton<StorageInstruments>();
        services.TryAddSingleton<IStorageFiguresSource>(sp => sp.GetRequiredService<StorageInstruments>());
        services.Replace(ServiceDescriptor.Singleton(sp => new AzureTableClients(setup, sp.GetRequiredService<StorageInstruments>())));
        return services;
    }
}
