namespace PaymentActors.Cli.Api;

/// <summary>One page of GET /wallets/{user_id}/ledger, newest first.</summary>
internal sealed record LedgerPageView(IReadOnlyList<LedgerEntryView> Items, bool HasMore, string? NextStartingAfter);

internal sealed record LedgerEntryView(
    long Sequence,
    string Type,
    decimal Amount,
    string Currency,
    string? PaymentId,
    string? DepositId,
    string? RefundId,
    decimal BalanceAfter,
    decimal AvailableAfter,
    DateTimeOffset CreatedAt);
