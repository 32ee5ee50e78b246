using Microsoft.Extensions.Options;
using Orleans.Providers;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>
/// Silo set-up for Azure Table grain storage, with the same names and shapes as Orleans's
/// Microsoft.Orleans.Persistence.AzureStorage, so that switching to the official package changes only the usings.
/// </summary>
public static class AzureTableGrainStorageSiloBuilderExtensions
{
    /// <summary>Uses Azure Table storage as the default grain storage ("Default").</summary>
    public static ISiloBuilder AddAzureTableGrainStorageAsDefault(this ISiloBuilder builder, Action<AzureTableStorageOptions> configureOptions) =>
        builder.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a named Azure Table grain storage.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(this ISiloBuilder builder, string name, Action<AzureTableStorageOptions> configureOptions) =>
        builder.ConfigureServices(services => services.AddAzureTableGrainStorage(name, configureOptions));

    /// <summary>Uses Azure Table storage as the default grain storage ("Default").</summary>
    public static ISiloBuilder AddAzureTableGrainStorageAsDefault(
        this ISiloBuilder builder, Action<OptionsBuilder<AzureTableStorageOptions>>? configureOptions = null) =>
        builder.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Adds a named Azure Table grain storage.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<AzureTableStorageOptions>>? configureOptions = null) =>
        builder.ConfigureServices(services => services.AddAzureTableGrainStorage(name, configureOptions));
}
