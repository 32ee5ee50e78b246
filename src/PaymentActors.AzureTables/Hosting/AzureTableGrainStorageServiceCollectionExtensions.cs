using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Options;
using PaymentActors.AzureTables.Storage;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>Registers a named Azure Table grain storage in a service collection.</summary>
public static class AzureTableGrainStorageServiceCollectionExtensions
{
    public static IServiceCollection AddAzureTableGrainStorage(
        this IServiceCollection services, string name, Action<AzureTableStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.AddAzureTableGrainStorage(name, builder => builder.Configure(configureOptions));
    }

    public static IServiceCollection AddAzureTableGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<AzureTableStorageOptions>>? configureOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<AzureTableStorageOptions>(name));
        services.AddSingleton<IConfigurationValidator>(sp => new AzureStorageOptionsValidator<AzureTableStorageOptions>(
            sp.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(name), name));
        services.AddStorageInstruments();

        // Registers the keyed IGrainStorage, the unkeyed default when name is "Default", and the lifecycle participant.
        return services.AddGrainStorage(name, AzureTableGrainStorageFactory.Create);
    }

    internal static IServiceCollection AddStorageInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<StorageInstruments>();
        return services;
    }
}
