using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.Wallets;
using PaymentActors.Wallets;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>Registers <see cref="AzureTableWalletStore"/> as the <see cref="IWalletStore"/>.</summary>
public static class AzureTableWalletStoreServiceCollectionExtensions
{
    /// <summary>Keeps wallets (snapshot and ledger) in Azure Tables; replaces any <see cref="IWalletStore"/> registered before.</summary>
    public static IServiceCollection AddAzureTableWalletStore(
        this IServiceCollection services, Action<OptionsBuilder<AzureTableWalletStoreOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        configureOptions(services.AddOptions<AzureTableWalletStoreOptions>());
        services.TryAddSingleton<AzureTableWalletStore>();
        services.Replace(ServiceDescriptor.Singleton<IWalletStore>(sp => sp.GetRequiredService<AzureTableWalletStore>()));
        return services;
    }
}
