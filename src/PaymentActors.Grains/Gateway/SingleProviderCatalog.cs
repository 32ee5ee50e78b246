using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Grains.Options;

namespace PaymentActors.Grains.Gateway;

/// <summary>
/// One provider, named by <c>PaymentActors:GatewayProvider</c>, serving every method and currency through the silo's
/// <see cref="IPaymentGateway"/>: the simulated gateway, or whatever gateway a host or test put in.
/// </summary>
public sealed class SingleProviderCatalog : IGatewayProviderCatalog
{
    private readonly IPaymentGateway _gateway;

    public SingleProviderCatalog(IPaymentGateway gateway, IOptions<PaymentActorsOptions> options)
    {
        _gateway = gateway;
        Default = new GatewayProvider(options.Value.GatewayProvider, PaymentMethods.All, Array.Empty<string>(), 0);
        Providers = new[] { Default };
    }

    public IReadOnlyList<GatewayProvider> Providers { get; }

    public GatewayProvider Default { get; }

    public bool TryGetGateway(string provider, out IPaymentGateway gateway)
    {
        gateway = _gateway;
        return provider == Default.Name;
    }
}
