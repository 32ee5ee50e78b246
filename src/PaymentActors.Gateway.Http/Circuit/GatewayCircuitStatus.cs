namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>The breaker's state; the numbers are the values of the <c>paymentactors.gateway.circuit.state</c> gauge.</summary>
public enum GatewayCircuitStatus
{
    /// <summary>Calls flow; failures are being counted.</summary>
    Closed = 0,
    /// <summary>Calls fail fast as Unavailable without reaching the gateway.</summary>
    Open = 1,
    /// <summary>The break is over and one probe call is deciding whether to close or open again.</summary>
    HalfOpen = 2,
    /// <summary>Held open by hand.</summary>
    Isolated = 3,
}
