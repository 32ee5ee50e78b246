namespace PaymentActors.Gateway;

/// <summary>What the gateway answered, with its reason on a decline or failure and its own reference on success.</summary>
public sealed record GatewayResponse(GatewayStatus Status, string? Reason = null, string? GatewayReference = null)
{
    public static GatewayResponse Approved(string? reference = null) => new(GatewayStatus.Approved, null, reference);

    public static GatewayResponse Declined(string reason) => new(GatewayStatus.Declined, reason);
}
