namespace PaymentActors.Hosting.Options;

/// <summary>Which payment gateway the silos' gateway grains talk to.</summary>
public enum GatewayMode
{
    /// <summary>The in-process simulation (options under <c>PaymentActors:SimulatedGateway</c>): no other process needed.</summary>
    Simulated,

    /// <summary>A gateway over HTTP (the mock gateway by default) behind timeouts, retries and a circuit breaker; section <c>PaymentGateway</c>.</summary>
    Http,
}
