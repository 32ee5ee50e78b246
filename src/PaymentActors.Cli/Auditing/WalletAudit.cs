namespace PaymentActors.Cli.Auditing;

/// <summary>
/// One wallet's books: what went in and out according to the client, and what the API shows at the end.
/// <paramref name="ExpectedBalance"/> is null when some operation's outcome is unknown.
/// </summary>
public sealed record WalletAudit(
    string UserId,
    decimal Deposited,
    decimal Debited,
    decimal Refunded,
    decimal? ExpectedBalance,
    decimal? Balance,
    decimal? Reserved,
    decimal? Available);
