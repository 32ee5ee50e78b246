using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.Options;
using PaymentActors.AzureTables.Reminders;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>Registers the Azure Table reminder table (and the reminder service) in a service collection.</summary>
public static class AzureTableReminderServiceCollectionExtensions
{
    public static IServiceCollection UseAzureTableReminderService(this IServiceCollection services, Action<AzureTableReminderStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.UseAzureTableReminderService(builder => builder.Configure(configure));
    }

    public static IServiceCollection UseAzureTableReminderService(
        this IServiceCollection services, Action<OptionsBuilder<AzureTableReminderStorageOptions>> configureOptions)
    {
        services.AddReminders();
        configureOptions?.Invoke(services.AddOptions<AzureTableReminderStorageOptions>());
        services.AddSingleton<IConfigurationValidator>(sp => new AzureStorageOptionsValidator<AzureTableReminderStorageOptions>(
            sp.GetRequiredService<IOptions<AzureTableReminderStorageOptions>>().Value, "reminders"));
        services.AddStorageInstruments();
        services.AddSingleton<IReminderTable, AzureTableReminderTable>();
        return services;
    }

    public static IServiceCollection UseAzureTableReminderService(this IServiceCollection services, string connectionString) =>
        services.UseAzureTableReminderService(options => options.ConfigureTableServiceClient(connectionString));
}
