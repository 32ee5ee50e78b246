namespace PaymentActors.Gateway.Http.Circuit;

public static class GatewayCircuitStatusNames
{
    /// <summary>The state as APIs and dashboards show it: closed, open, half_open or isolated.</summary>
    public static string ToWireName(this GatewayCircuitStatus status) => status switch
    {
        GatewayCircuitStatus.Open => "open",
        GatewayCircuitStatus.HalfOpen => "half_open",
        GatewayCircuitStatus.Isolated => "isolated",
        _ => "closed",
    };
}
