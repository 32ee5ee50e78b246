using System.Globalization;

namespace PaymentActors.Money;

/// <summary>
/// An amount of one currency. Always <see cref="decimal"/>; construct through <see cref="TryCreate"/>
/// so that the amount is positive and carries no more decimals than the currency allows.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.Money")]
public readonly record struct Money([property: Id(0)] decimal Amount, [property: Id(1)] string Currency)
{
    /// <summary>The largest amount we accept: far above any real payment, far below decimal overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static bool TryCreate(decimal amount, string? currencyCode, out Money money, out MoneyError error)
    {
        money = default;
        if (!CurrencyCatalog.TryGet(currencyCode, out var currency))
        {
            error = MoneyError.UnknownCurrency;
            return false;
        }

        if (amount <= 0)
        {
            error = MoneyError.NotPositive;
            return false;
        }

        if (amount > MaxAmount)
        {
            error = MoneyError.TooLarge;
            return false;
        }

        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            error = MoneyError.TooManyDecimals;
            return false;
        }

        // Normalise the scale so that 7, 7.0 and 7.00 USD are the same value everywhere.
        money = new Money(Normalize(amount, currency), currency.Code);
        error = MoneyError.None;
        return true;
    }

    /// <summary>The amount with exactly the currency's minor units, as the API shows it: "100.50".</summary>
    public override string ToString() => Format(Amount, Currency);

    /// <summary>Formats any decimal of a currency the way the API shows amounts.</summary>
    public static string Format(decimal amount, string currencyCode)
    {
        var digits = CurrencyCatalog.TryGet(currencyCode, out var currency) ? currency.MinorUnits : 2;
        return amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static decimal Normalize(decimal amount, Currency currency) =>
        decimal.Round(amount + 0.000m, currency.MinorUnits);
}
