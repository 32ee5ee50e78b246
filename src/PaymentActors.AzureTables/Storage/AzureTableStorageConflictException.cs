using Orleans.Storage;

namespace PaymentActors.AzureTables.Storage;

/// <summary>
/// The stored entity is not the one this activation last saw (HTTP 412, 409 or 404 on a conditional write or clear).
/// Orleans deactivates the grain on <see cref="InconsistentStateException"/>, so the next call reloads the state.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.AzureTables.AzureTableStorageConflictException")]
public sealed class AzureTableStorageConflictException : InconsistentStateException
{
    public AzureTableStorageConflictException(string message, string storedEtag, string currentEtag, Exception innerException)
        : base(message, storedEtag, currentEtag, innerException)
    {
    }

    public AzureTableStorageConflictException(string message, string storedEtag, string currentEtag)
        : base(message, storedEtag, currentEtag)
    {
    }
}
