namespace PaymentActors.Gateway;

/// <summary>What the gateway answered, with its reason on a decline or failure and its own reference on success.</summary>
public sealed record GatewayResponse(GatewayStatus Status, string? Reason = null, string? GatewayReference = null)
{
    /// <summary>
    /// With no verdict: the call provably did not take effect anywhere (the breaker refused it before sending, the
    /// connection was refused, or the gateway said it processed nothing), in this attempt and every earlier one.
    /// </summary>
    public bool NotProcessed { get; init; }

    /// <summary>For an approved authorization: when the gateway lets it lapse.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public static GatewayResponse Approved(string? reference = null) => new(GatewayStatus.Approved, null, reference);

    public static GatewayResponse Declined(string reason) => new(GatewayStatus.Declined, reason);
}
