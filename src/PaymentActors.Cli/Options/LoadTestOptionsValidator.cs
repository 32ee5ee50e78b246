namespace PaymentActors.Cli.Options;

/// <summary>Refuses runs that could not be audited or that would aim at anything but this machine.</summary>
public static class LoadTestOptionsValidator
{
    public static IReadOnlyList<string> Validate(LoadTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("http" or "https"))
            failures.Add("--url must be an absolute http(s) address.");
        else if (!options.BaseAddress.IsLoopback)
            failures.Add($"--url {options.BaseAddress} is not a loopback address; the load test only targets this machine.");
        if (options.Concurrency is < 1 or > 1024) failures.Add("--concurrency must be between 1 and 1024.");
        if (options.Payments is < 1 or > LoadTestOptions.MaxPayments) failures.Add($"--payments must be between 1 and {LoadTestOptions.MaxPayments}.");
        if (options.Duration is { } duration && (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(24)))
            failures.Add("--duration must be positive and at most 24 h.");
        if (options.Amount <= 0) failures.Add("--amount must be positive.");
        if (options.Deposit <= 0) failures.Add("--deposit must be positive.");
        if (options.Currency.Length != 3 || !options.Currency.All(char.IsAsciiLetterUpper))
            failures.Add("--currency must be an upper-case ISO 4217 code such as USD.");
        if (options.Wallets is < 1 or > 100_000) failures.Add("--wallets must be between 1 and 100000.");
        if (options.RunId is { } runId && (runId.Length is 0 or > 40 || !runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            failures.Add("--run-id must be 1 to 40 letters, digits, '-' or '_'.");
        if (string.IsNullOrWhiteSpace(options.ServiceId)) failures.Add("The service id is required.");
        if (options.RequestTimeout <= TimeSpan.FromSeconds(1)) failures.Add("The request timeout must exceed 1 s.");
        if (options.SettleTimeout < TimeSpan.Zero) failures.Add("The settle timeout cannot be negative.");
        if (options.DrainTimeout <= TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromHours(1))
            failures.Add("--drain-timeout must be positive and at most 1 h.");
        if (options.PollInterval <= TimeSpan.Zero) failures.Add("The poll interval must be positive.");
        if (options.SampleInterval <= TimeSpan.Zero) failures.Add("The sample interval must be positive.");
        if (options.ProgressInterval <= TimeSpan.Zero) failures.Add("The progress interval must be positive.");
        if (options.SubmitRetries is < 0 or > 20) failures.Add("Submit retries must be between 0 and 20.");
        foreach (var (name, selector) in new[] { ("--storage-metric", options.StorageWritesMetric), ("--completed-metric", options.CompletedPaymentsMetric) })
        {
            try
            {
                Metrics.PrometheusSelector.Parse(selector);
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException)
            {
                failures.Add($"{name}: {exception.Message}");
            }
        }

        return failures;
    }
}
