using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Grains.Hosting;
using PaymentActors.Hosting.Options;

namespace PaymentActors.Hosting;

/// <summary>
/// The one silo configuration, used by the silo host (PaymentActors.Silo) and by the front door when it co-hosts its
/// silo: the payment actors, the storage chosen by <c>Storage:Provider</c>, the gateway chosen by <c>Gateway:Mode</c>,
/// cluster membership and the Orleans Dashboard's silo side.
/// </summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds a silo (section "Orleans"). With <c>Storage:Provider=Memory</c> the cluster is this silo alone on loopback;
    /// with <c>AzureTables</c> membership lives in the same storage account, so silos started anywhere with the same
    /// ClusterId join one cluster and clients find them there.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentActorsSilo(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // The silo is configured before the container exists, so its options are bound and validated here.
        var silo = BindOrleansOptions(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var gateway = configuration.GetSection(GatewayModeOptions.SectionName).Get<GatewayModeOptions>() ?? new GatewayModeOptions();

        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.AddPaymentActorsClustering(silo, storage.Provider, configuration);
            siloBuilder.AddPaymentActorsStorage(storage.Provider, configuration);

            if (silo.MinimumReminderPeriod is { } minimumReminderPeriod)
            {
                siloBuilder.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = minimumReminderPeriod);
            }

            // Before AddPaymentActors, whose in-process defaults (simulated gateway, in-memory failed events) only fill gaps.
            siloBuilder.AddPaymentGateway(gateway.Mode, configuration);
            siloBuilder.AddPaymentActors();
            siloBuilder.AddDashboard();
        });
        return builder;
    }

    /// <summary>The connection string for Azure Tables: <c>ConnectionStrings:AzureTables</c>, or the local Azurite when it is empty.</summary>
    public static string AzureTablesConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(StorageOptions.AzureTablesConnectionStringName);
        return string.IsNullOrWhiteSpace(configured) ? StorageOptions.LocalAzuriteConnectionString : configured;
    }

    /// <summary>Section "Orleans", bound and validated.</summary>
    public static OrleansOptions BindOrleansOptions(IConfiguration configuration) =>
        BindValidated(configuration, OrleansOptions.SectionName, new OrleansOptionsValidator());

    private static void AddPaymentActorsClustering(this ISiloBuilder siloBuilder, OrleansOptions silo, StorageProvider provider, IConfiguration configuration)
    {
        if (provider != StorageProvider.AzureTables)
        {
            siloBuilder.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            return;
        }

        siloBuilder.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = silo.ClusterId;
            cluster.ServiceId = silo.ServiceId;
        });
        if (string.Equals(silo.AdvertisedIP, OrleansOptions.AutomaticAddress, StringComparison.OrdinalIgnoreCase))
        {
            // In a container: advertise the address other containers reach this one at, and listen on every interface.
            siloBuilder.ConfigureEndpoints(silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            siloBuilder.ConfigureEndpoints(IPAddress.Parse(silo.AdvertisedIP), silo.SiloPort, silo.GatewayPort);
        }

        var connectionString = AzureTablesConnectionString(configuration);
        siloBuilder.UseAzureStorageClustering(options => options.ConfigureTableServiceClient(connectionString));
        siloBuilder.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(MembershipTiming.Apply)
            .Bind(configuration.GetSection(OrleansOptions.MembershipSectionName));
    }

    private static void AddPaymentActorsStorage(this ISiloBuilder siloBuilder, StorageProvider provider, IConfiguration configuration)
    {
        switch (provider)
        {
            case StorageProvider.Memory:
                siloBuilder.AddMemoryGrainStorageAsDefault();
                siloBuilder.UseInMemoryReminderService();
                return;
            case StorageProvider.AzureTables:
                // Grain state, reminders and failed events share one account, each in its own table.
                var connectionString = AzureTablesConnectionString(configuration);
                siloBuilder.AddAzureTableGrainStorageAsDefault(options => options.ConfigureTableServiceClient(connectionString));
                siloBuilder.UseAzureTableReminderService(connectionString);
                siloBuilder.Services.AddAzureTableFailedEventStore(connectionString);
                return;
            default:
                throw new OptionsValidationException(
                    StorageOptions.SectionName,
                    typeof(StorageOptions),
                    [$"Storage:Provider must be {nameof(StorageProvider.Memory)} or {nameof(StorageProvider.AzureTables)}."]);
        }
    }

    private static void AddPaymentGateway(this ISiloBuilder siloBuilder, GatewayMode mode, IConfiguration configuration)
    {
        switch (mode)
        {
            case GatewayMode.Simulated:
                // AddPaymentActors registers the simulated gateway, configured by PaymentActors:SimulatedGateway.
                return;
            case GatewayMode.Http:
                siloBuilder.Services.AddHttpPaymentGateway(configuration.GetSection(GatewayModeOptions.HttpSectionName));
                return;
            default:
                throw new OptionsValidationException(
                    GatewayModeOptions.SectionName,
                    typeof(GatewayModeOptions),
                    [$"Gateway:Mode must be {nameof(GatewayMode.Simulated)} or {nameof(GatewayMode.Http)}."]);
        }
    }

    internal static T BindValidated<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : options;
    }
}
