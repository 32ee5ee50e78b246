using PaymentActors.Cli.Auditing;
using PaymentActors.Cli.Metrics;

namespace PaymentActors.Cli.Reporting;

/// <summary>Everything a run measured and the audit's verdict; serialises to the --report JSON.</summary>
public sealed record LoadTestReport
{
    public required string RunId { get; init; }

    public required string Scenario { get; init; }

    public required string Mode { get; init; }

    public required int Seed { get; init; }

    public required string TargetUrl { get; init; }

    public required int Concurrency { get; init; }

    public required int Wallets { get; init; }

    public required decimal Amount { get; init; }

    public required decimal Deposit { get; init; }

    public required string Currency { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Seconds spent sending payments.</summary>
    public required double LoadSeconds { get; init; }

    /// <summary>Seconds from the first payment until every payment was terminal (or the drain gave up).</summary>
    public required double SettleSeconds { get; init; }

    /// <summary>True when the run was asked to stop before its count or duration was reached.</summary>
    public required bool Interrupted { get; init; }

    public required PaymentTotals Payments { get; init; }

    public required Throughput Throughput { get; init; }

    /// <summary>POST /payments round trip of the accepted answers (with wait=true this includes the wait).</summary>
    public required LatencySummary SubmitLatency { get; init; }

    /// <summary>From sending a payment until its client saw it terminal.</summary>
    public required LatencySummary SettleLatency { get; init; }

    public required IReadOnlyDictionary<string, int> FinalStatuses { get; init; }

    public required IReadOnlyDictionary<string, int> FailureReasons { get; init; }

    /// <summary>Definitive refusals of POST /payments, by "status code" or "status error_code".</summary>
    public required IReadOnlyDictionary<string, int> Rejections { get; init; }

    public required ScenarioActivity Activity { get; init; }

    public required ServerMetricsSummary Server { get; init; }

    public required AuditResult Audit { get; init; }

    public bool Passed => Audit.Passed;
}
