using PaymentActors.Gateway;

namespace PaymentActors.Grains.Gateway;

/// <summary>The in-process gateway has no breaker: it is always closed.</summary>
public sealed class SimulatedGatewayHealth : IGatewayHealthSource
{
    public GatewayHealth GetHealth(string provider) =>
        new(provider, "closed", 0, 0, TimeSpan.Zero, 0, 0, 0, 0, null, null, null);
}
