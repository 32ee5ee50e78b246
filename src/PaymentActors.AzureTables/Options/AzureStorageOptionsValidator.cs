using Orleans.Runtime;

namespace PaymentActors.AzureTables.Options;

/// <summary>Checks provider options when the silo starts, so a bad setting stops the silo with a clear message.</summary>
public sealed class AzureStorageOptionsValidator<TOptions>(TOptions options, string name) : IConfigurationValidator
    where TOptions : AzureStorageOperationOptions
{
    public void ValidateConfiguration()
    {
        var errors = options.GetValidationErrors();
        if (errors.Count > 0)
        {
            throw new OrleansConfigurationException(
                $"Configuration for {typeof(TOptions).Name} '{name}' is invalid. {string.Join(" ", errors)}");
        }
    }
}
