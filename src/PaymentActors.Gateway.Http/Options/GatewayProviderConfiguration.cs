using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Money;

namespace PaymentActors.Gateway.Http.Options;

/// <summary>
/// Reads the providers of <c>PaymentGateway:Providers:&lt;name&gt;</c> (<c>BaseUrl</c>, <c>Methods</c>, <c>Currencies</c>,
/// <c>Priority</c>; every other <c>PaymentGateway</c> setting may be overridden there too). Without that section the
/// single-provider settings are one provider that serves every method and currency. Lists may be written as
/// <c>Methods:0=card</c>, <c>Methods:1=paypal</c> or as <c>Methods=card,paypal</c>.
/// </summary>
public static class GatewayProviderConfiguration
{
    public const string ProvidersSectionName = "Providers";

    public static IReadOnlyList<GatewayProvider> Read(IConfiguration paymentGatewaySection, string singleProviderName)
    {
        var sections = paymentGatewaySection.GetSection(ProvidersSectionName).GetChildren().ToList();
        if (sections.Count == 0)
        {
            return [Single(singleProviderName)];
        }

        var failures = new List<string>();
        var providers = new List<GatewayProvider>();
        foreach (var section in sections)
        {
            var name = section.Key;
            var prefix = $"{HttpGatewayOptions.SectionName}:{ProvidersSectionName}:{name}";
            var methods = ReadList(section.GetSection("Methods"));
            var currencies = ReadList(section.GetSection("Currencies"));
            if (methods.Count == 0)
            {
                failures.Add($"{prefix}:Methods must name at least one of {string.Join(", ", PaymentMethods.All)}.");
            }

            failures.AddRange(methods.Where(m => !PaymentMethods.IsKnown(m)).Select(m => $"{prefix}:Methods: '{m}' is not one of {string.Join(", ", PaymentMethods.All)}."));
            failures.AddRange(currencies.Where(c => !CurrencyCatalog.TryGet(c, out _)).Select(c => $"{prefix}:Currencies: '{c}' is not a currency we know."));
            if (string.IsNullOrWhiteSpace(section["BaseUrl"]))
            {
                failures.Add($"{prefix}:BaseUrl is required.");
            }

            var priority = 0;
            if (section["Priority"] is { } text && !int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out priority))
            {
                failures.Add($"{prefix}:Priority must be an integer.");
            }

            providers.Add(new GatewayProvider(name, methods.ToArray(), currencies.ToArray(), priority));
        }

        return failures.Count == 0
            ? providers
            : throw new OptionsValidationException(HttpGatewayOptions.SectionName, typeof(HttpGatewayOptions), failures);
    }

    /// <summary>The one-provider form: everything goes to it.</summary>
    public static GatewayProvider Single(string name) => new(name, PaymentMethods.All, Array.Empty<string>(), 0);

    private static List<string> ReadList(IConfigurationSection section)
    {
        var items = section.Value is { } joined
            ? joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value?.Trim() ?? string.Empty);
        return [.. items.Where(item => item.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
