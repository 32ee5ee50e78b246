namespace PaymentActors.Gateway;

/// <summary>The providers this silo is configured with, and each one's gateway client.</summary>
public interface IGatewayProviderCatalog
{
    /// <summary>Every provider, in routing order (priority, then name).</summary>
    IReadOnlyList<GatewayProvider> Providers { get; }

    /// <summary>Where calls that name no provider go: <see cref="GatewayRouting.DefaultOf"/>.</summary>
    GatewayProvider Default { get; }

    /// <summary>The client of a configured provider; false for a name that is not one.</summary>
    bool TryGetGateway(string provider, out IPaymentGateway gateway);
}
