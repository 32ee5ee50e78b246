namespace PaymentActors.Gateway;

[GenerateSerializer, Alias("PaymentActors.ChargeOutcome")]
public enum ChargeOutcome
{
    Approved = 0,
    /// <summary>The gateway declined: a business outcome, never retried.</summary>
    Rejected = 1,
    /// <summary>The gateway could not be reached or failed transiently; the charge did not happen.</summary>
    Unavailable = 2,
    /// <summary>No answer after the request may have reached the gateway: re-send it (same idempotency key), never guess.</summary>
    Unknown = 3,
    /// <summary>The circuit breaker refused the charge before anything was sent: it did not happen, and the gateway is known to be failing.</summary>
    CircuitOpen = 4,
}
