namespace PaymentActors.Gateway;

/// <summary>The answer of a call at a named provider.</summary>
/// <param name="Provider">The provider that was called.</param>
/// <param name="Reason">Why it was declined, or why there is no verdict (<c>circuit_open</c>, <c>connection_failed</c>, <c>timeout</c>, ...).</param>
/// <param name="Reference">The provider's own id when approved: the charge, the authorization (for its capture and void), the capture or the refund.</param>
/// <param name="ExpiresAt">For an approved authorization: when the provider lets it lapse uncaptured.</param>
/// <param name="BreakerOpen">This silo's breaker for the provider refused the call: the provider is known to be failing.</param>
[GenerateSerializer, Immutable, Alias("PaymentActors.GatewayCallResult")]
public sealed record GatewayCallResult(
    [property: Id(0)] GatewayCallOutcome Outcome,
    [property: Id(1)] string Provider,
    [property: Id(2)] string? Reason = null,
    [property: Id(3)] string? Reference = null,
    [property: Id(4)] DateTimeOffset? ExpiresAt = null,
    [property: Id(5)] bool BreakerOpen = false);
