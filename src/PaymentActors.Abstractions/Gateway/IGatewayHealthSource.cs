namespace PaymentActors.Gateway;

/// <summary>Where the gateway adapter reports its breaker; the gateway grain passes it on to cluster clients.</summary>
public interface IGatewayHealthSource
{
    GatewayHealth GetHealth(string provider);
}
