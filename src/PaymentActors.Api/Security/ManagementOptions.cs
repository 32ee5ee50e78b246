namespace PaymentActors.Api.Security;

/// <summary>
/// The management listener: extra Kestrel addresses (loopback by default in run.sh) on which the Orleans Dashboard and
/// <c>/metrics</c> need no token, so an operator's browser or a local Prometheus can use them; bound from "Management".
/// </summary>
public sealed class ManagementOptions
{
    public const string SectionName = "Management";

    /// <summary>Addresses as in <c>Urls</c>, separated by ';' (for instance <c>http://127.0.0.1:5081</c>); empty turns the listener off.</summary>
    public string? Urls { get; set; }

    public IReadOnlyList<string> Addresses => (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The ports of the management addresses: a request that arrived on one of them came through the management listener.</summary>
    public IReadOnlySet<int> Ports => Addresses.Select(address => BindingAddress.Parse(address).Port).ToHashSet();
}
