namespace PaymentActors.Cli.Reporting;

/// <summary>Accepted payments per second of load; completed payments per second until the last one finished.</summary>
public sealed record Throughput(double AcceptedPerSecond, double CompletedPerSecond);
