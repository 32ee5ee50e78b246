namespace PaymentActors.Api.Tests;

/// <summary>
/// Tests that read /metrics run alone, after the others. Metrics are process-wide: every app in this test
/// process creates meters with the same names, and when another class's app is disposed its instruments
/// end, which makes OpenTelemetry drop the shared metric stream from the scrape. A deployed API is one app
/// per process and is not affected.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection
{
    public const string Name = "Process-wide metrics";
}
