namespace PaymentActors.Gateway.Http.Diagnostics;

/// <summary>The names of the adapter's meter and instruments, for OpenTelemetry's AddMeter and dashboards.</summary>
public static class GatewayInstruments
{
    public const string MeterName = "PaymentActors.Gateway";

    /// <summary>Gauge: 0 closed, 1 open, 2 half-open, 3 isolated.</summary>
    public const string CircuitState = "paymentactors.gateway.circuit.state";

    /// <summary>Counter of circuit transitions, tagged <c>state</c> (open, half_open, closed).</summary>
    public const string CircuitTransitions = "paymentactors.gateway.circuit.transitions";

    /// <summary>Counter of calls, tagged <c>operation</c> (charge, get_charge, refund) and <c>outcome</c>.</summary>
    public const string Calls = "paymentactors.gateway.calls";

    /// <summary>Histogram of call durations in seconds, retries included, tagged like <see cref="Calls"/>.</summary>
    public const string CallDuration = "paymentactors.gateway.call.duration";

    /// <summary>Counter of retries, tagged <c>operation</c>.</summary>
    public const string Retries = "paymentactors.gateway.retries";
}
