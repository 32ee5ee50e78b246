namespace PaymentActors.Cli.Reporting;

/// <summary>What the mixed scenario did besides paying, and whether the optional routes exist.</summary>
public sealed record ScenarioActivity(
    long ReplaysSent,
    long ReplaysMatched,
    long ConcurrentDuplicates,
    long KeyReuseProbes,
    long KeyReuseRefused,
    long TopUps,
    long RefundsConfirmed,
    long RefundsRefused,
    long CancelsConfirmed,
    long CancelsRefused,
    FeatureSupport Refunds,
    FeatureSupport Cancel,
    long WalletSamples,
    long TransportErrors);
