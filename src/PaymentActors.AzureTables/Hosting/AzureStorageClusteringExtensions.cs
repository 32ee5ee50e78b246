using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using PaymentActors.AzureTables.Clustering;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>Silo membership and client gateway discovery on Azure Tables, named like Orleans's Microsoft.Orleans.Clustering.AzureStorage.</summary>
public static class AzureStorageClusteringExtensions
{
    public static ISiloBuilder UseAzureStorageClustering(this ISiloBuilder builder, Action<AzureStorageClusteringOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.UseAzureStorageClustering(optionsBuilder => optionsBuilder.Configure(configureOptions));
    }

    public static ISiloBuilder UseAzureStorageClustering(
        this ISiloBuilder builder, Action<OptionsBuilder<AzureStorageClusteringOptions>> configureOptions) =>
        builder.ConfigureServices(services =>
        {
            configureOptions?.Invoke(services.AddOptions<AzureStorageClusteringOptions>());
            services.AddSingleton<IConfigurationValidator>(sp => new AzureStorageOptionsValidator<AzureStorageClusteringOptions>(
                sp.GetRequiredService<IOptions<AzureStorageClusteringOptions>>().Value, "clustering"));
            services.AddSingleton<IMembershipTable, AzureTableMembershipTable>();
        });

    public static IClientBuilder UseAzureStorageClustering(this IClientBuilder builder, Action<AzureStorageGatewayOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return builder.UseAzureStorageClustering(optionsBuilder => optionsBuilder.Configure(configureOptions));
    }

    public static IClientBuilder UseAzureStorageClustering(
        this IClientBuilder builder, Action<OptionsBuilder<AzureStorageGatewayOptions>> configureOptions) =>
        builder.ConfigureServices(services =>
        {
            configureOptions?.Invoke(services.AddOptions<AzureStorageGatewayOptions>());
            services.AddSingleton<IConfigurationValidator>(sp => new AzureStorageOptionsValidator<AzureStorageGatewayOptions>(
                sp.GetRequiredService<IOptions<AzureStorageGatewayOptions>>().Value, "gateways"));
            services.AddSingleton<IGatewayListProvider, AzureTableGatewayListProvider>();
        });
}
