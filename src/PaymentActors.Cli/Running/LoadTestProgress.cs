namespace PaymentActors.Cli.Running;

/// <summary>A snapshot of a running load test, reported a few times a second.</summary>
public sealed record LoadTestProgress(
    RunPhase Phase,
    TimeSpan Elapsed,
    long Target,
    long Sent,
    long Accepted,
    long Rejected,
    long Completed,
    long Failed,
    long Outstanding,
    long TransportErrors);
