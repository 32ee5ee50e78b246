namespace PaymentActors.Cli.Options;

public enum LoadTestScenario
{
    /// <summary>One wallet, every client paying from it: the contention case.</summary>
    HotWallet,

    /// <summary>Payments spread over K wallets.</summary>
    Spread,

    /// <summary>Payments over K wallets plus idempotent replays, key reuse, concurrent duplicates, top-ups, refunds and cancels.</summary>
    Mixed,
}
