namespace PaymentActors.Hosting.Options;

/// <summary>Where grain state, reminders, failed events and (with Azure Tables) cluster membership are kept.</summary>
public enum StorageProvider
{
    /// <summary>In the silo's memory: nothing survives a restart, and the cluster is this one silo (localhost clustering). For development and tests.</summary>
    Memory,

    /// <summary>Azure Table storage (or Azurite), reached through <c>ConnectionStrings:AzureTables</c>; cluster membership too, so silos in other processes can join.</summary>
    AzureTables,
}
