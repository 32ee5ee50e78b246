namespace PaymentActors.Api.Options;

/// <summary>How the co-hosted silo joins its cluster; bound from configuration section "Orleans".</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Orleans";

    public string ClusterId { get; set; } = "payment-actors";

    public string ServiceId { get; set; } = "payment-actors";

    /// <summary>Silo-to-silo port on the loopback interface.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port external Orleans clients connect to; 0 disables the gateway.</summary>
    public int GatewayPort { get; set; } = 30000;
}
