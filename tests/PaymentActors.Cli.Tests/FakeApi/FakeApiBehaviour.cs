namespace PaymentActors.Cli.Tests.FakeApi;

/// <summary>Switches of the fake API: which optional routes exist, and which bug to plant.</summary>
public sealed class FakeApiBehaviour
{
    public bool SupportsRefunds { get; init; }

    public bool SupportsCancel { get; init; }

    /// <summary>The planted bug: a completed payment takes its amount from the balance twice.</summary>
    public bool DoubleDebit { get; init; }

    /// <summary>
    /// As a front door in client mode: its own /metrics has no storage or payment counters (the silos hold them), and
    /// /metrics/summary has the cluster's.
    /// </summary>
    public bool ClientMode { get; init; }

    /// <summary>Every n-th payment reaching the gateway is declined (gateway_rejected).</summary>
    public int GatewayRejectsEvery { get; init; } = 7;
}
