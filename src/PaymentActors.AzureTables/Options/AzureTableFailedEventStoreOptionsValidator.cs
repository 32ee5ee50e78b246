using Microsoft.Extensions.Options;

namespace PaymentActors.AzureTables.Options;

/// <summary>Checks the failed-event store options when the host starts (ValidateOnStart).</summary>
public sealed class AzureTableFailedEventStoreOptionsValidator : IValidateOptions<AzureTableFailedEventStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureTableFailedEventStoreOptions options)
    {
        var errors = options.GetValidationErrors();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(error => $"{nameof(AzureTableFailedEventStoreOptions)}: {error}"));
    }
}
