using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using PaymentActors.Api.Options;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Api.Hosting;

/// <summary>Co-hosts an Orleans silo with the payment actors in the API's process (the single-machine mode).</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds a silo listening on loopback (section "Orleans"), with the payment actors, the storage chosen by
    /// <c>Storage:Provider</c>, the gateway chosen by <c>Gateway:Mode</c> and the Orleans Dashboard. Endpoints only
    /// use <see cref="IGrainFactory"/>, so the same API can later run as a pure cluster client instead.
    /// </summary>
    public static WebApplicationBuilder AddPaymentActorsSilo(this WebApplicationBuilder builder)
    {
        // The silo is configured before the container exists, so its options are bound and validated here.
        var silo = BindValidated(builder.Configuration, SiloOptions.SectionName, new SiloOptionsValidator());
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var gateway = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            siloBuilder.AddPaymentActorsStorage(storage.Provider, builder.Configuration);

            // Before AddPaymentActors, whose in-process defaults (simulated gateway, in-memory failed events) only fill gaps.
            siloBuilder.AddPaymentGateway(gateway.Mode, builder.Configuration);
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

    private static void AddPaymentActorsStorage(this ISiloBuilder siloBuilder, StorageProvider provider, IConfiguration configuration)
    {
        switch (provider)
        {
            case StorageProvider.Memory:
                siloBuilder.AddMemoryGrainStorageAsDefault();
                siloBuilder.UseInMemoryReminderService();
                return;
            case StorageProvider.AzureTables:
                // Grain state, reminders, failed events and wallets share one account, each in its own table; the
                // first two through Orleans's own providers. Membership stays on loopback in this single-process mode.
                siloBuilder.AddPaymentActorsAzureTables(AzureTablesConnectionString(configuration), tables => tables.Clustering = false);
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
                siloBuilder.Services.AddHttpPaymentGateway(configuration.GetSection(GatewayOptions.HttpSectionName));
                return;
            default:
                throw new OptionsValidationException(
                    GatewayOptions.SectionName,
                    typeof(GatewayOptions),
                    [$"Gateway:Mode must be {nameof(GatewayMode.Simulated)} or {nameof(GatewayMode.Http)}."]);
        }
    }

    private static T BindValidated<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(section, typeof(T), result.Failures) : options;
    }
}
