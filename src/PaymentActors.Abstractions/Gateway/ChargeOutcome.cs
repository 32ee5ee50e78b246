namespace PaymentActors.Gateway;

[GenerateSerializer, Alias("PaymentActors.ChargeOutcome")]
public enum ChargeOutcome
{
    Approved = 0,
    /// <summary>The gateway declined: a business outcome, never retried.</summary>
    Rejected = 1,
    /// <summary>The gateway could not be reached or failed transiently; the charge did not happen.</summary>
    Unavailable = 2,
    /// <summary>No answer after the request may have reached the gateway: reconcile, never guess.</summary>
    Unknown = 3,
}
