namespace PaymentActors.Hosting.Options;

/// <summary>The gateway choice; bound from configuration section "Gateway".</summary>
public sealed class GatewayModeOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The section that configures the HTTP gateway's address and resilience (read when <see cref="Mode"/> is Http).</summary>
    public const string HttpSectionName = "PaymentGateway";

    public GatewayMode Mode { get; set; } = GatewayMode.Simulated;
}
