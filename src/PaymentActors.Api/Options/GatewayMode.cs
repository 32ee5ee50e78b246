namespace PaymentActors.Api.Options;

/// <summary>Which payment gateway the silo's gateway grain talks to.</summary>
public enum GatewayMode
{
    /// <summary>The in-process simulation (options under <c>PaymentActors:SimulatedGateway</c>): no other process needed.</summary>
    Simulated,

    /// <summary>A gateway over HTTP (the mock gateway by default) behind timeouts, retries and a circuit breaker; section <c>PaymentGateway</c>.</summary>
    Http,
}
