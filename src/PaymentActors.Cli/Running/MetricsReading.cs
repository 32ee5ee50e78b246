namespace PaymentActors.Cli.Running;

/// <summary>
/// The selected counters at one moment; null when /metrics or the metric is missing. <see cref="FromSummary"/>: read
/// from the cluster-wide /metrics/summary, because the front door's own /metrics does not count payments (client mode).
/// </summary>
internal sealed record MetricsReading(bool EndpointFound, double? StorageWrites, double? CompletedPayments, bool FromSummary = false);
