using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;

namespace PaymentActors.Cli.Running;

/// <summary>
/// Runs one load test against the PaymentActors API and audits it. The run funds its wallets, sends payments
/// until the count or duration is reached (or <c>cancellationToken</c> fires), drains every accepted payment to
/// a terminal status within <see cref="LoadTestOptions.DrainTimeout"/>, reads the final state and audits it.
/// Cancelling stops the sending only: the drain and the audit still run, bounded, so the report is complete.
/// </summary>
public static class LoadTestRunner
{
    public static Task<LoadTestReport> RunAsync(LoadTestOptions options, HttpClient httpClient, CancellationToken cancellationToken = default) =>
        RunAsync(options, httpClient, progress: null, cancellationToken);

    /// <exception cref="ArgumentException">The options are invalid (see <see cref="LoadTestOptionsValidator"/>).</exception>
    /// <exception cref="LoadTestSetupException">The wallets could not be funded.</exception>
    public static async Task<LoadTestReport> RunAsync(
        LoadTestOptions options, HttpClient httpClient, IProgress<LoadTestProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var failures = LoadTestOptionsValidator.Validate(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), nameof(options));
        }

        var run = new LoadTestRun(options, httpClient, progress);
        return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }
}
