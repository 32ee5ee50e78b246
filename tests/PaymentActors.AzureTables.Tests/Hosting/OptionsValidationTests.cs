using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using PaymentActors.AzureTables.Hosting;
using PaymentActors.AzureTables.Options;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.Tests.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_connection_string_stops_the_silo_with_a_message_naming_the_setting(string? connectionString)
    {
        var error = ValidateGrainStorage(options => options.ConfigureTableServiceClient(connectionString));

        Assert.Contains("'Default'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:AzureTables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_any_client_ask_for_ConfigureTableServiceClient()
    {
        var error = ValidateGrainStorage(_ => { });

        Assert.Contains("ConfigureTableServiceClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_connection_string_is_reported()
    {
        var error = ValidateGrainStorage(options => options.ConfigureTableServiceClient("this is not a connection string"));

        Assert.Contains("could not be parsed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grain-state", "'-' is not allowed")]
    [InlineData("1grains", "must start with a letter")]
    [InlineData("ab", "3 to 63")]
    [InlineData("tables", "reserved")]
    public void An_invalid_table_name_is_reported_with_the_rule_it_breaks(string tableName, string reason)
    {
        var error = ValidateGrainStorage(options =>
        {
            options.ConfigureTableServiceClient("UseDevelopmentStorage=true");
            options.TableName = tableName;
        });

        Assert.Contains($"TableName '{tableName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_pass()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAzureTableGrainStorage("Default", (AzureTableStorageOptions options) => options.ConfigureTableServiceClient("UseDevelopmentStorage=true"));
        services.UseAzureTableReminderService("UseDevelopmentStorage=true");
        using var provider = services.BuildServiceProvider();

        var validators = provider.GetServices<IConfigurationValidator>()
            .Where(validator => validator is AzureStorageOptionsValidator<AzureTableStorageOptions> or AzureStorageOptionsValidator<AzureTableReminderStorageOptions>)
            .ToList();

        Assert.Equal(2, validators.Count);
        Assert.All(validators, validator => validator.ValidateConfiguration());
    }

    [Fact]
    public void The_failed_event_store_refuses_to_start_without_a_connection_string()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAzureTableFailedEventStore(connectionString: "");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IFailedEventStore>());

        Assert.Contains("ConnectionStrings:AzureTables", error.Message, StringComparison.Ordinal);
    }

    private static OrleansConfigurationException ValidateGrainStorage(Action<AzureTableStorageOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddAzureTableGrainStorage("Default", configure);
        using var provider = services.BuildServiceProvider();
        var validator = Assert.Single(provider.GetServices<IConfigurationValidator>());
        return Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);
    }
}
