using System.Diagnostics;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;
using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;

namespace PaymentActors.Cli.Running;

/// <summary>Turns what the run learnt into the report.</summary>
internal sealed partial class LoadTestRun
{
    private const string SummaryStorageWrites = "/metrics/summary storage.writes";
    private const string SummaryCompletedPayments = "/metrics/summary payment_success";

    private LoadTestReport BuildReport(TimeSpan loadElapsed, bool interrupted, MetricsReading before, MetricsReading after, AuditResult audit)
    {
        var finalPayments = _ledger.FinalPayments.ToList();
        var completed = finalPayments.Count(p => PaymentStatuses.IsDebited(p.Status));
        var sent = _ledger.Intents.Select(i => i.ToSentPayment()).ToList();
        var rejected = sent.Where(p => !p.Responses.Any(r => r.Accepted) && p.Responses.Any(r => r.Kind is SubmitKind.Original or SubmitKind.Retry && r.DefinitelyRejected)).ToList();
        var unresolved = sent.Count(p => !p.Responses.Any(r => r.Accepted)) - rejected.Count;
        var settleEnd = Interlocked.Read(ref _lastSettledTimestamp);
        var settleElapsed = settleEnd > _loadStartedTimestamp ? Stopwatch.GetElapsedTime(_loadStartedTimestamp, settleEnd) : loadElapsed;

        // Both readings from the same source, or no delta: the summary's totals and one process's counter do not subtract.
        var sameSource = before.FromSummary == after.FromSummary;
        var storageDelta = sameSource ? Delta(before.StorageWrites, after.StorageWrites) : null;
        return new LoadTestReport
        {
            RunId = _runId,
            Scenario = ScenarioName(_options.Scenario),
            Mode = _options.Mode == CompletionMode.Wait ? "wait" : "poll",
            Seed = _seed,
            TargetUrl = _options.BaseAddress.ToString(),
            Concurrency = _options.Concurrency,
            Wallets = _walletIds.Length,
            Amount = _options.Amount,
            Deposit = _options.Deposit,
            Currency = _options.Currency,
            StartedAt = _startedAt,
            LoadSeconds = loadElapsed.TotalSeconds,
            SettleSeconds = settleElapsed.TotalSeconds,
            Interrupted = interrupted,
            Payments = new PaymentTotals(
                sent.Count,
                sent.Count(p => p.Responses.Any(r => r.Accepted)),
                rejected.Count,
                unresolved,
                completed,
                finalPayments.Count(p => p.Status == PaymentStatuses.Failed),
                finalPayments.Count(p => !PaymentStatuses.IsTerminal(p.Status))),
            Throughput = new Throughput(
                PerSecond(_counters.Accepted, loadElapsed),
                PerSecond(completed, settleElapsed)),
            SubmitLatency = _submitLatency.Summarize(),
            SettleLatency = _settleLatency.Summarize(),
            FinalStatuses = CountBy(finalPayments.Select(p => p.Status)),
            FailureReasons = CountBy(finalPayments.Where(p => p.FailureReason is not null).Select(p => p.FailureReason!)),
            Rejections = CountBy(rejected.Select(p => p.Responses.Last(r => r.DefinitelyRejected)).Select(r => r.ErrorCode is null ? $"{r.StatusCode}" : $"{r.StatusCode} {r.ErrorCode}")),
            Activity = new ScenarioActivity(
                _counters.ReplaysSent, _counters.ReplaysMatched, _counters.ConcurrentDuplicates, _counters.KeyReuseProbes, _counters.KeyReuseRefused,
                _counters.TopUps, _counters.RefundsConfirmed, _counters.RefundsRefused, _counters.CancelsConfirmed, _counters.CancelsRefused,
                Support(ref _refundSupport), Support(ref _cancelSupport), _ledger.SampleCount, _counters.TransportErrors),
            Server = new ServerMetricsSummary(
                before.EndpointFound && after.EndpointFound,
                after.FromSummary ? SummaryStorageWrites : _options.StorageWritesMetric,
                storageDelta,
                storageDelta is { } writes && completed > 0 ? writes / completed : null,
                after.FromSummary ? SummaryCompletedPayments : _options.CompletedPaymentsMetric,
                sameSource ? Delta(before.CompletedPayments, after.CompletedPayments) : null),
            Audit = audit,
        };
    }

    public static string ScenarioName(LoadTestScenario scenario) => scenario switch
    {
        LoadTestScenario.HotWallet => "hot-wallet",
        LoadTestScenario.Spread => "spread",
        _ => "mixed",
    };

    // A counter that appears only after the load started had no samples before: count from zero.
    private static double? Delta(double? before, double? after) => after is { } end ? end - (before ?? 0) : null;

    private static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    private static SortedDictionary<string, int> CountBy(IEnumerable<string> values) =>
        new(values.GroupBy(v => v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
}
