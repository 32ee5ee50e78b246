namespace PaymentActors.Cli.Options;

/// <summary>One load-test run. Defaults make a short, safe run against a local API.</summary>
public sealed class LoadTestOptions
{
    public const string DefaultStorageWritesMetric = "paymentactors_storage_writes_total";
    public const string DefaultCompletedPaymentsMetric = "paymentactors_events_total{event_type=\"payment.completed\"}";

    /// <summary>The API's base address; must be a loopback address (this tool never loads anything else).</summary>
    public Uri BaseAddress { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>
    /// An operator's bearer token: the load test funds wallets, pays for many users and reads <c>/metrics</c>.
    /// Without one the command line mints one with <c>dotnet user-jwts</c>, as the README does.
    /// </summary>
    public string? Token { get; set; }

    public LoadTestScenario Scenario { get; set; } = LoadTestScenario.HotWallet;

    /// <summary>Clients sending payments at the same time.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Payments to send; without <see cref="Duration"/> the default is 1000, with it there is no count limit below 10 million.</summary>
    public int? Payments { get; set; }

    /// <summary>Stop sending after this long.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>Amount of each payment, with the currency's decimals.</summary>
    public decimal Amount { get; set; } = 1.00m;

    /// <summary>Deposited into each wallet before the load starts.</summary>
    public decimal Deposit { get; set; } = 1000.00m;

    public string Currency { get; set; } = "USD";

    public CompletionMode Mode { get; set; } = CompletionMode.Wait;

    /// <summary>Seeds wallet choice and the mixed scenario's actions; a random one is picked (and reported) when null.</summary>
    public int? Seed { get; set; }

    /// <summary>Wallets to spread payments over; hot-wallet always uses 1, spread defaults to 16, mixed to 8.</summary>
    public int? Wallets { get; set; }

    /// <summary>Prefix of every user id and idempotency key of the run, so that runs never collide; generated when null.</summary>
    public string? RunId { get; set; }

    public string ServiceId { get; set; } = "loadtest-service";

    /// <summary>Counter of storage writes (Meter "PaymentActors.Storage"), summed over its label sets.</summary>
    public string StorageWritesMetric { get; set; } = DefaultStorageWritesMetric;

    /// <summary>Counter of payment.completed events, to compare with what the clients saw.</summary>
    public string CompletedPaymentsMetric { get; set; } = DefaultCompletedPaymentsMetric;

    /// <summary>Longest wait for one HTTP answer; must exceed the API's 10 s wait=true hold.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a client follows its own payment before leaving it to the drain.</summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long, after the last payment was sent, the run waits for every payment to be terminal.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Pause between two wallet readings of the background sampler (which reads wallets round-robin).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Extra attempts, with the same idempotency key, when a request's outcome is unknown.</summary>
    public int SubmitRetries { get; set; } = 4;

    internal int EffectiveWallets => Scenario switch
    {
        LoadTestScenario.HotWallet => 1,
        LoadTestScenario.Spread => Wallets ?? 16,
        _ => Wallets ?? 8,
    };

    internal long EffectivePayments => Payments ?? (Duration is null ? 1000 : MaxPayments);

    internal const int MaxPayments = 10_000_000;
}
