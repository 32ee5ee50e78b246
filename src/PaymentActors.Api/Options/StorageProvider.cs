namespace PaymentActors.Api.Options;

/// <summary>Where grain state, reminders and failed events are kept.</summary>
public enum StorageProvider
{
    /// <summary>In the silo's memory: nothing survives a restart. For development and tests.</summary>
    Memory,

    /// <summary>Azure Table storage (or Azurite), reached through <c>ConnectionStrings:AzureTables</c>.</summary>
    AzureTables,
}
