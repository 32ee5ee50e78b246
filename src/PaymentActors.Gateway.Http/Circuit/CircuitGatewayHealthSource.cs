using PaymentActors.Gateway;

namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// Reports each provider's Polly breaker in the cluster's serializable shape. A name that is no provider (the
/// payment's historical grain key, say) reads the default provider's breaker, as it did with one provider.
/// </summary>
public sealed class CircuitGatewayHealthSource(IReadOnlyDictionary<string, IGatewayCircuitState> circuits, string defaultProvider) : IGatewayHealthSource
{
    public GatewayHealth GetHealth(string provider)
    {
        var circuit = circuits.TryGetValue(provider, out var named) ? named : circuits[defaultProvider];
        var snapshot = circuit.GetSnapshot();
        return new GatewayHealth(
            provider, snapshot.State, snapshot.RecentFailures, snapshot.RecentSuccesses, snapshot.Window,
            snapshot.TotalFailures, snapshot.TotalSuccesses, snapshot.RejectedCalls, snapshot.TimesOpened,
            snapshot.LastOpenedAt, snapshot.OpenUntil, snapshot.LastClosedAt);
    }
}
