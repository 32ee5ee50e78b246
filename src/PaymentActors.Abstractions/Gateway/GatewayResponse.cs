namespace PaymentActors.Gateway;

/// <summary>What the gateway answered: approved, or declined with a reason.</summary>
public sealed record GatewayResponse(bool Approved, string? DeclineReason = null, string? GatewayReference = null);
