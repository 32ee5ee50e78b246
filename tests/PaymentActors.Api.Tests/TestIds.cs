namespace PaymentActors.Api.Tests;

/// <summary>Fresh ids so that tests sharing one app never see each other's wallets or payments.</summary>
public static class TestIds
{
    public static string User() => "user-" + Guid.NewGuid().ToString("N");

    public static string Key() => "key-" + Guid.NewGuid().ToString("N");
}
