using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using PaymentActors.Api.Options;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Api.Hosting;

/// <summary>Co-hosts an Orleans silo with the payment actors in the API's process (the single-machine mode).</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Adds a silo listening on loopback (section "Orleans"), with the payment actors, the storage chosen by
    /// <c>Storage:Provider</c> and the Orleans Dashboard. Endpoints only use <see cref="IGrainFactory"/>, so the same
    /// API can later run as a pure cluster client instead.
    /// </summary>
    public static WebApplicationBuilder AddPaymentActorsSilo(this WebApplicationBuilder builder)
    {
        // The silo is configured before the container exists, so its options are bound and validated here.
        var silo = BindValidated(builder.Configuration, SiloOptions.SectionName, new SiloOptionsValidator());
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();

        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
            siloBuilder.AddPaymentActorsStorage(storage.Provider, builder.Configuration);
            siloBuilder.AddPaymentActors();
            siloBuilder.AddDashboard();
        });
        return builder;
    }

    private static ISiloBuilder AddPaymentActorsStorage(this ISiloBuilder siloBuilder, StorageProvider provider, IConfiguration configuration)
    {
        switch (provider)
        {
            case StorageProvider.Memory:
                siloBuilder.AddMemoryGrainStorageAsDefault();
                siloBuilder.UseInMemoryReminderService();
                return siloBuilder;
            case StorageProvider.AzureTables:
                // Validated now so that a misconfigured deployment fails at start-up, not on the first write.
                if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(StorageOptions.AzureTablesConnectionStringName)))
                {
                    throw new OptionsValidationException(
                        StorageOptions.SectionName,
                        typeof(StorageOptions),
                        [$"Storage:Provider=AzureTables needs ConnectionStrings:{StorageOptions.AzureTablesConnectionStringName}."]);
                }

                throw new OptionsValidationException(
                    StorageOptions.SectionName,
                    typeof(StorageOptions),
                    ["Storage:Provider=AzureTables is not available in this build; use Memory."]);
            default:
                throw new OptionsValidationException(
                    StorageOptions.SectionName,
                    typeof(StorageOptions),
                    [$"Storage:Provider must be {nameof(StorageProvider.Memory)} or {nameof(StorageProvider.AzureTables)}."]);
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
