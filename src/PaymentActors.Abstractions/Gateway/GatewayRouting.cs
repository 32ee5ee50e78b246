namespace PaymentActors.Gateway;

/// <summary>Which providers may take a payment, in the order to try them: a pure function of the configuration.</summary>
public static class GatewayRouting
{
    /// <summary>The providers serving <paramref name="method"/> in <paramref name="currency"/>, by priority, then name; empty when none does.</summary>
    public static IReadOnlyList<string> Route(IEnumerable<GatewayProvider> providers, string method, string currency) =>
        InOrder(providers).Where(p => p.Serves(method, currency)).Select(p => p.Name).ToArray();

    /// <summary>
    /// The provider the calls without a provider go to (and the top of <c>GET /gateway</c>): the first card provider,
    /// or the first provider when none serves cards.
    /// </summary>
    public static GatewayProvider DefaultOf(IEnumerable<GatewayProvider> providers)
    {
        var ordered = InOrder(providers).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("At least one provider is needed.", nameof(providers));
        }

        return ordered.FirstOrDefault(p => p.Methods.Contains(PaymentMethods.Card, StringComparer.Ordinal)) ?? ordered[0];
    }

    public static IEnumerable<GatewayProvider> InOrder(IEnumerable<GatewayProvider> providers) =>
        providers.OrderBy(p => p.Priority).ThenBy(p => p.Name, StringComparer.Ordinal);
}
