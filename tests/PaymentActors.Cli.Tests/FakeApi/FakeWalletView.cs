namespace PaymentActors.Cli.Tests.FakeApi;

internal sealed record FakeWalletView(
    string Id, string UserId, string Balance, string Reserved, string Available, string Currency, long Version, DateTimeOffset UpdatedAt);
