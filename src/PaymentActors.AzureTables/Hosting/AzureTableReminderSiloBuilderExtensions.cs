using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.Options;

namespace PaymentActors.AzureTables.Hosting;

/// <summary>
/// Silo set-up for reminders on Azure Tables, named like Orleans's Microsoft.Orleans.Reminders.AzureStorage.
/// Also adds the reminder service itself (AddReminders).
/// </summary>
public static class AzureTableReminderSiloBuilderExtensions
{
    public static ISiloBuilder UseAzureTableReminderService(this ISiloBuilder builder, Action<AzureTableReminderStorageOptions> configure) =>
        builder.ConfigureServices(services => services.UseAzureTableReminderService(configure));

    public static ISiloBuilder UseAzureTableReminderService(
        this ISiloBuilder builder, Action<OptionsBuilder<AzureTableReminderStorageOptions>> configureOptions) =>
        builder.ConfigureServices(services => services.UseAzureTableReminderService(configureOptions));

    public static ISiloBuilder UseAzureTableReminderService(this ISiloBuilder builder, string connectionString) =>
        builder.ConfigureServices(services => services.UseAzureTableReminderService(connectionString));
}
