namespace PaymentActors.Grains.Options;

/// <summary>The in-process gateway: seed 000's mock with a failure rate and latency, reproducible under a seed.</summary>
public sealed class SimulatedGatewayOptions
{
    /// <summary>Share of charges the gateway declines (seed 000: FailRate 0.1).</summary>
    public double FailureRate { get; set; } = 0.1;

    public TimeSpan MinLatency { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxLatency { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Decisions are a function of the seed and the payment id, so a run is reproducible whatever the order.</summary>
    public int Seed { get; set; } = 42;
}
