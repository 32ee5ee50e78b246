namespace PaymentActors.Cli.Running;

/// <summary>The selected counters at one moment; null when /metrics or the metric is missing.</summary>
internal sealed record MetricsReading(bool EndpointFound, double? StorageWrites, double? CompletedPayments);
