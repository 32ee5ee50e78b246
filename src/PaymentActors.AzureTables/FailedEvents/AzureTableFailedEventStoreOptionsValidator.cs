using Microsoft.Extensions.Options;
using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.FailedEvents;

/// <summary>Checks the failed-event store options when the host starts (ValidateOnStart).</summary>
public sealed class AzureTableFailedEventStoreOptionsValidator : IValidateOptions<AzureTableFailedEventStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureTableFailedEventStoreOptions options)
    {
        var errors = new List<string>();
        if (options.TableServiceClient is null)
        {
            errors.Add($"{nameof(AzureTableFailedEventStoreOptions)}.{nameof(options.TableServiceClient)} is not set.");
        }

        if (!TableNames.IsValid(options.TableName, out var reason))
        {
            errors.Add($"{nameof(AzureTableFailedEventStoreOptions)}.{nameof(options.TableName)} '{options.TableName}' is not a valid Azure table name: {reason}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
