using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.FailedEvents;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>Registers <see cref="AzureTableFailedEventStore"/> as the <see cref="IFailedEventStore"/>.</summary>
public static class AzureTableFailedEventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Uses Azure Tables for failed events; the table is created on first use. Options are checked when the host
    /// starts (ValidateOnStart). Replaces any <see cref="IFailedEventStore"/> registered before.
    /// </summary>
    public static IServiceCollection AddAzureTableFailedEventStore(
        this IServiceCollection services, Action<OptionsBuilder<AzureTableFailedEventStoreOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        configureOptions(services.AddOptions<AzureTableFailedEventStoreOptions>().ValidateOnStart());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<AzureTableFailedEventStoreOptions>, AzureTableFailedEventStoreOptionsValidator>());
        services.TryAddSingleton<AzureTableFailedEventStore>();
        services.Replace(ServiceDescriptor.Singleton<IFailedEventStore>(sp => sp.GetRequiredService<AzureTableFailedEventStore>()));
        return services;
    }
}
