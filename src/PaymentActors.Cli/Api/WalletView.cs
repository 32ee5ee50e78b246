namespace PaymentActors.Cli.Api;

internal sealed record WalletView(
    string? Id,
    string UserId,
    decimal Balance,
    decimal Reserved,
    decimal Available,
    string? Currency,
    long Version,
    DateTimeOffset? UpdatedAt);
