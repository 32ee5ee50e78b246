namespace PaymentActors.Gateway;

public enum GatewayStatus
{
    /// <summary>Charged (or refunded).</summary>
    Approved,
    /// <summary>Declined by the gateway: a business outcome, never retried.</summary>
    Declined,
    /// <summary>The gateway has no record of the payment (reconciliation): it was never charged.</summary>
    NotFound,
    /// <summary>The gateway said it did not process the call (outage, 5xx, refused connection, open circuit): safe to retry.</summary>
    Unavailable,
    /// <summary>No answer after the request may have reached the gateway (timeout): reconcile, never guess.</summary>
    Unknown,
}
