namespace PaymentActors.Cli.Auditing;

/// <summary>How much the audit looked at, so that a pass over nothing is visible as such.</summary>
public sealed record AuditCoverage(
    int IdempotencyKeys,
    int PaymentIds,
    int WalletReadings,
    int WalletsBalanceChecked,
    int WalletsTotal,
    int OrdersChecked = 0,
    int LedgersReplayed = 0);
