namespace PaymentActors.Cli.Auditing;

/// <summary>
/// What the load test sent (deposits, payments with every answer, refunds, cancels) and what it observed
/// (wallet readings during the run, payments and wallets after the drain). The auditor needs nothing else.
/// </summary>
public sealed record AuditInput
{
    public required IReadOnlyList<string> WalletUserIds { get; init; }

    public IReadOnlyList<SentDeposit> Deposits { get; init; } = [];

    public IReadOnlyList<SentPayment> Payments { get; init; } = [];

    public IReadOnlyList<SentRefund> Refunds { get; init; } = [];

    public IReadOnlyList<SentCancel> Cancels { get; init; } = [];

    public IReadOnlyList<WalletObservation> WalletSamples { get; init; } = [];

    public IReadOnlyList<WalletObservation> FinalWallets { get; init; } = [];

    public IReadOnlyList<PaymentObservation> FinalPayments { get; init; } = [];

    public IReadOnlyList<SentOrder> Orders { get; init; } = [];

    public IReadOnlyList<OrderObservation> FinalOrders { get; init; } = [];

    /// <summary>The wallets' ledgers read after the drain; a wallet without one here is not checked.</summary>
    public IReadOnlyList<LedgerObservation> FinalLedgers { get; init; } = [];
}
