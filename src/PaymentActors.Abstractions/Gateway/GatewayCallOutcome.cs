namespace PaymentActors.Gateway;

/// <summary>What a call at a named provider proved: the four cases a payment decides on.</summary>
[GenerateSerializer, Alias("PaymentActors.GatewayCallOutcome")]
public enum GatewayCallOutcome
{
    /// <summary>Done (charged, authorized, captured, voided or refunded); <see cref="GatewayCallResult.Reference"/> is the provider's id.</summary>
    Approved = 0,

    /// <summary>The provider said no: a business answer, final; never sent elsewhere.</summary>
    Declined = 1,

    /// <summary>
    /// Provably not processed: the breaker refused before anything was sent, the connection was refused, or the provider
    /// answered that it processed nothing. The only outcome after which another provider may be tried.
    /// </summary>
    NotProcessed = 2,

    /// <summary>May have been processed (timeout, broken connection, 5xx, still in progress): re-send to the same provider, same key.</summary>
    Unknown = 3,
}
