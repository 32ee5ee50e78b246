namespace PaymentActors.Payments.Decider;

/// <summary>What one send of a charge established.</summary>
[GenerateSerializer, Alias("PaymentActors.ChargeVerdict")]
public enum ChargeVerdict
{
    /// <summary>The gateway approved: money moved to the merchant.</summary>
    Approved = 0,
    /// <summary>The gateway declined: a business outcome, final.</summary>
    Declined = 1,
    /// <summary>No answer after the request may have reached the gateway: it may have been charged.</summary>
    Unknown = 2,
    /// <summary>Refused before anything was sent (open breaker, connection refused): this send charged nothing.</summary>
    NotSent = 3,
}
