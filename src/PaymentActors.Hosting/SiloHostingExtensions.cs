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
using PaymentActors.Gateway.Http.Options;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;
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
    /// Adds a silo (section "Orleans"). A silo of a cluster (<paramref name="alone"/> false, the silo host) keeps its
    /// membership in the Azure Table account of <c>Storage:Provider=AzureTables</c>, so silos started anywhere with the
    /// same ClusterId join one cluster and clients find them there. A silo alone (the front door's own, or any silo
    /// with <c>Storage:Provider=Memory</c>) is a cluster of one on loopback.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentActorsSilo(this IHostApplicationBuilder builder, bool alone = false)
    {
        var configuration = builder.Configuration;

        // The silo is configured before the container exists, so its options are bound and validated here.
        var silo = BindOrleansOptions(configuration);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var gateway = configuration.GetSection(GatewayModeOptions.SectionName).Get<GatewayModeOptions>() ?? new GatewayModeOptions();

        builder.UseOrleans(siloBuilder =>
        {
            var shared = !alone && storage.Provider == StorageProvider.AzureTables;
            siloBuilder.AddPaymentActorsClustering(silo, shared, configuration);
            siloBuilder.AddPaymentActorsStorage(storage.Provider, shared, configuration);

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

    private static void AddPaymentActorsClustering(this ISiloBuilder siloBuilder, OrleansOptions silo, bool shared, IConfiguration configuration)
    {
        if (!shared)
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

        // The membership table itself comes with the storage (AddPaymentActorsAzureTables); the timing is ours.
        siloBuilder.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(MembershipTiming.Apply)
            .Bind(configuration.GetSection(OrleansOptions.MembershipSectionName));
    }

    private static void AddPaymentActorsStorage(this ISiloBuilder siloBuilder, StorageProvider provider, bool sharedMembership, IConfiguration configuration)
    {
        switch (provider)
        {
            case StorageProvider.Memory:
                siloBuilder.AddMemoryGrainStorageAsDefault();
                siloBuilder.UseInMemoryReminderService();
                return;
            case StorageProvider.AzureTables:
                // Grain state, reminders, failed events, wallets and (for a silo of a cluster) membership share one
                // account, each in its own table; the Orleans ones through Orleans's own providers.
                siloBuilder.AddPaymentActorsAzureTables(AzureTablesConnectionString(configuration), tables => tables.Clustering = sharedMembership);
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
                // PaymentGateway:Providers lists the providers; without it PaymentGateway:BaseUrl is the one provider,
                // named by PaymentActors:GatewayProvider as it always was.
                siloBuilder.Services.AddHttpPaymentGateway(
                    configuration.GetSection(GatewayModeOptions.HttpSectionName),
                    configuration[$"{PaymentActorsOptions.SectionName}:{nameof(PaymentActorsOptions.GatewayProvider)}"] is { Length: > 0 } name ? name : HttpGatewayOptions.DefaultProviderName);
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
