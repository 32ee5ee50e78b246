using PaymentActors.Gateway;

namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>Reports the Polly breaker's state in the cluster's serializable shape.</summary>
public sealed class CircuitGatewayHealthSource(IGatewayCircuitState circuit) : IGatewayHealthSource
{
    public GatewayHealth GetHealth(string provider)
    {
        var snapshot = circuit.GetSnapshot();
        return new GatewayHealth(
            provider, snapshot.State, snapshot.RecentFailures, snapshot.RecentSuccesses, snapshot.Window,
            snapshot.TotalFailures, snapshot.TotalSuccesses, snapshot.RejectedCalls, snapshot.TimesOpened,
            snapshot.LastOpenedAt, snapshot.OpenUntil, snapshot.LastClosedAt);
    }
}
