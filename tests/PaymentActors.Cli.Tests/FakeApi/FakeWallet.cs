namespace PaymentActors.Cli.Tests.FakeApi;

internal sealed class FakeWallet(string userId, string currency)
{
    public string UserId { get; } = userId;

    public string Currency { get; } = currency;

    public decimal Balance { get; set; }

    public decimal Reserved { get; set; }

    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
