namespace PaymentActors.AzureTables.Tests.Infrastructure;

/// <summary>Table names and service ids no other test uses, so tests sharing one Azurite never see each other's data.</summary>
internal static class UniqueNames
{
    public static string Table(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    public static string ServiceId() => "svc-" + Guid.NewGuid().ToString("N")[..8];
}
