namespace PaymentActors.Gateway.Http.Circuit;

/// <summary>Every provider's breaker in this process, by provider name: one breaker per provider per silo.</summary>
internal sealed class GatewayProviderCircuits(IReadOnlyDictionary<string, GatewayCircuitState> circuits)
{
    public IReadOnlyDictionary<string, GatewayCircuitState> All { get; } = circuits;

    public GatewayCircuitState this[string provider] => All[provider];
}
