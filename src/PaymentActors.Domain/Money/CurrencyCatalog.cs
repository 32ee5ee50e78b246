using System.Collections.Frozen;

namespace PaymentActors.Money;

/// <summary>
/// The ISO 4217 currencies we accept, with their minor units. .NET has no catalogue of minor units
/// (RegionInfo only knows cultures), so the table is kept here; extend it when a currency is added.
/// </summary>
public static class CurrencyCatalog
{
    private static readonly FrozenDictionary<string, Currency> Currencies = new Currency[]
    {
        new("USD", 2), new("EUR", 2), new("GBP", 2), new("CHF", 2), new("CAD", 2), new("AUD", 2),
        new("MXN", 2), new("BRL", 2), new("ARS", 2), new("COP", 2), new("PEN", 2), new("UYU", 2),
        new("CNY", 2), new("INR", 2), new("SEK", 2), new("NOK", 2), new("DKK", 2), new("PLN", 2),
        new("JPY", 0), new("KRW", 0), new("CLP", 0), new("PYG", 0), new("ISK", 0), new("VND", 0),
        new("KWD", 3), new("BHD", 3), new("JOD", 3), new("OMR", 3), new("TND", 3),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>Looks a currency up by its upper-case ISO code (lower case is not accepted: "usd" is a typo, not USD).</summary>
    public static bool TryGet(string? code, out Currency currency)
    {
        if (code is not null && Currencies.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }

        currency = null!;
        return false;
    }
}
