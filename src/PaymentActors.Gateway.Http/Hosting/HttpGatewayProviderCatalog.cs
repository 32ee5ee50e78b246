using PaymentActors.Gateway;

namespace PaymentActors.Gateway.Http.Hosting;

/// <summary>The configured providers and each one's HTTP client (its own pipeline and breaker).</summary>
internal sealed class HttpGatewayProviderCatalog : IGatewayProviderCatalog
{
    private readonly IReadOnlyDictionary<string, HttpPaymentGateway> _gateways;

    public HttpGatewayProviderCatalog(IReadOnlyList<GatewayProvider> providers, IReadOnlyDictionary<string, HttpPaymentGateway> gateways)
    {
        Providers = GatewayRouting.InOrder(providers).ToArray();
        Default = GatewayRouting.DefaultOf(providers);
        _gateways = gateways;
    }

    public IReadOnlyList<GatewayProvider> Providers { get; }

    public GatewayProvider Default { get; }

    public HttpPaymentGateway DefaultGateway => _gateways[Default.Name];

    public bool TryGetGateway(string provider, out IPaymentGateway gateway)
    {
        var found = _gateways.TryGetValue(provider, out var http);
        gateway = http!;
        return found;
    }
}
