namespace PaymentActors.Gateway;

public enum GatewayStatus
{
    /// <summary>Charged (or refunded).</summary>
    Approved,
    /// <summary>Declined by the gateway: a business outcome, never retried.</summary>
    Declined,
    /// <summary>The gateway has no record of the charge (yet: a request in flight may still land, so this proves nothing).</summary>
    NotFound,
    /// <summary>The gateway said it did not process the call (outage, 5xx, refused connection, open circuit): safe to retry.</summary>
    Unavailable,
    /// <summary>No answer after the request may have reached the gateway (timeout): re-send it (same idempotency key), never guess.</summary>
    Unknown,
    /// <summary>The circuit breaker refused the call before any request for it was sent: nothing happened, and retrying now is futile.</summary>
    CircuitOpen,
}
