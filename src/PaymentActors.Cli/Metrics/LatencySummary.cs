namespace PaymentActors.Cli.Metrics;

/// <summary>Percentiles of one latency, in milliseconds, from an HDR histogram (3 significant digits).</summary>
public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
