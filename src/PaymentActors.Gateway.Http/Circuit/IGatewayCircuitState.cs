namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>
/// The gateway circuit breaker as the rest of the system may observe it (health checks, dashboards, tests).
/// Fed by the Polly breaker itself: its state provider and its open/half-open/close callbacks.
/// </summary>
public interface IGatewayCircuitState
{
    GatewayCircuitStatus Status { get; }

    GatewayCircuitSnapshot GetSnapshot();
}
