using System.CommandLine;
using PaymentActors.Cli.Options;

namespace PaymentActors.Cli.Commands;

/// <summary>
/// The command line: one sub-command per scenario, sharing every option. Turns a parse into
/// <see cref="LoadTestOptions"/> and hands it to <c>execute</c>, which returns the exit code.
/// </summary>
internal sealed class LoadTestCommandLine
{
    private readonly Option<Uri> _url = new("--url")
    {
        Description = "Base address of the PaymentActors API (loopback only).",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080/"),
        CustomParser = r => CliValueParsers.ParseUri(r)!,
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = "An operator's bearer token (default: $PAYMENTACTORS_TOKEN, else one minted with `dotnet user-jwts` for src/PaymentActors.Api).",
    };

    private readonly Option<int> _concurrency = new("--concurrency", "-c")
    {
        Description = "Clients sending payments at the same time.",
        DefaultValueFactory = _ => 16,
    };

    private readonly Option<int?> _payments = new("--payments", "-n")
    {
        Description = "Payments to send (default 1000, or unlimited with --duration).",
    };

    private readonly Option<TimeSpan?> _duration = new("--duration", "-d")
    {
        Description = "Send for this long: 30s, 5m, 1h.",
        CustomParser = CliValueParsers.ParseDuration,
    };

    private readonly Option<decimal> _amount = new("--amount")
    {
        Description = "Amount of each payment, with the currency's decimals.",
        DefaultValueFactory = _ => 1.00m,
        CustomParser = CliValueParsers.ParseDecimal,
    };

    private readonly Option<decimal> _deposit = new("--deposit")
    {
        Description = "Deposited into each wallet before the load.",
        DefaultValueFactory = _ => 1000.00m,
        CustomParser = CliValueParsers.ParseDecimal,
    };

    private readonly Option<string> _currency = new("--currency")
    {
        Description = "ISO 4217 currency of wallets and payments.",
        DefaultValueFactory = _ => "USD",
    };

    private readonly Option<CompletionMode> _mode = new("--mode")
    {
        Description = "wait: POST /payments?wait=true; poll: POST then GET until terminal.",
        DefaultValueFactory = _ => CompletionMode.Wait,
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "Seed of wallet choice and mixed actions (random and reported when omitted).",
    };

    private readonly Option<int?> _wallets = new("--wallets", "-k")
    {
        Description = "Wallets for spread (default 16) and mixed (default 8).",
    };

    private readonly Option<string?> _runId = new("--run-id")
    {
        Description = "Prefix of the run's user ids and idempotency keys (default lt-<utc time>-<random>).",
    };

    private readonly Option<FileInfo?> _report = new("--report")
    {
        Description = "Write the full report as JSON to this file.",
    };

    private readonly Option<string> _storageMetric = new("--storage-metric")
    {
        Description = "Prometheus counter of storage writes, summed over label sets.",
        DefaultValueFactory = _ => LoadTestOptions.DefaultStorageWritesMetric,
    };

    private readonly Option<string> _completedMetric = new("--completed-metric")
    {
        Description = "Prometheus counter of payment.completed events (selector with optional labels).",
        DefaultValueFactory = _ => LoadTestOptions.DefaultCompletedPaymentsMetric,
    };

    private readonly Option<TimeSpan?> _drainTimeout = new("--drain-timeout")
    {
        Description = "How long to wait, after sending, for every payment to be terminal (default 60s).",
        CustomParser = CliValueParsers.ParseDuration,
    };

    public RootCommand Build(Func<LoadTestOptions, FileInfo?, CancellationToken, Task<int>> execute)
    {
        var root = new RootCommand("PaymentActors command line: load tests that audit the invariants, and the payment step monitor.");
        Option[] options =
        [
            _url, _token, _concurrency, _payments, _duration, _amount, _deposit, _currency, _mode, _seed, _wallets, _runId, _report,
            _storageMetric, _completedMetric, _drainTimeout,
        ];

        (string Name, LoadTestScenario Scenario, string Description)[] scenarios =
        [
            ("hot-wallet", LoadTestScenario.HotWallet, "Every client pays from one wallet."),
            ("spread", LoadTestScenario.Spread, "Clients pay from K wallets."),
            ("mixed", LoadTestScenario.Mixed, "Payments plus replays, key reuse, duplicates, top-ups, refunds and cancels."),
        ];
        foreach (var (name, scenario, description) in scenarios)
        {
            var command = new Command(name, description);
            foreach (var option in options)
            {
                command.Options.Add(option);
            }

            command.SetAction((parseResult, cancellationToken) =>
                execute(ToOptions(parseResult, scenario), parseResult.GetValue(_report), cancellationToken));
            root.Subcommands.Add(command);
        }

        return root;
    }

    private LoadTestOptions ToOptions(ParseResult parseResult, LoadTestScenario scenario)
    {
        var options = new LoadTestOptions
        {
            Scenario = scenario,
            BaseAddress = parseResult.GetValue(_url)!,
            Token = parseResult.GetValue(_token) ?? Environment.GetEnvironmentVariable(OperatorToken.EnvironmentVariable),
            Concurrency = parseResult.GetValue(_concurrency),
            Payments = parseResult.GetValue(_payments),
            Duration = parseResult.GetValue(_duration),
            Amount = parseResult.GetValue(_amount),
            Deposit = parseResult.GetValue(_deposit),
            Currency = parseResult.GetValue(_currency)!,
            Mode = parseResult.GetValue(_mode),
            Seed = parseResult.GetValue(_seed),
            Wallets = parseResult.GetValue(_wallets),
            RunId = parseResult.GetValue(_runId),
            StorageWritesMetric = parseResult.GetValue(_storageMetric)!,
            CompletedPaymentsMetric = parseResult.GetValue(_completedMetric)!,
        };
        if (parseResult.GetValue(_drainTimeout) is { } drain)
        {
            options.DrainTimeout = drain;
        }

        return options;
    }
}
