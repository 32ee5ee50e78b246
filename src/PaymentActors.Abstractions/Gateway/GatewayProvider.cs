namespace PaymentActors.Gateway;

/// <summary>
/// One payment provider the silos can reach: its name (the key of its client and breaker), the methods it serves, the
/// currencies it takes (empty: any) and its priority (lower is tried first; ties go by name).
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.GatewayProvider")]
public sealed record GatewayProvider(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string> Methods,
    [property: Id(2)] IReadOnlyList<string> Currencies,
    [property: Id(3)] int Priority)
{
    public bool Serves(string method, string currency) =>
        Methods.Contains(method, StringComparer.Ordinal)
        && (Currencies.Count == 0 || Currencies.Contains(currency, StringComparer.Ordinal));
}
