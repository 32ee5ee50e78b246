namespace PaymentActors.Money;

public static class MoneyErrorMessages
{
    /// <summary>A message a client can act on, naming the currency's rule where it matters.</summary>
    public static string Describe(this MoneyError error, string? currencyCode) => error switch
    {
        MoneyError.UnknownCurrency => $"'{currencyCode}' is not a supported ISO 4217 currency code.",
        MoneyError.NotPositive => "The amount must be greater than zero.",
        MoneyError.TooLarge => $"The amount must not exceed {Money.MaxAmount}.",
        MoneyError.TooManyDecimals when CurrencyCatalog.TryGet(currencyCode, out var c) =>
            $"{c.Code} amounts have at most {c.MinorUnits} decimal places.",
        MoneyError.TooManyDecimals => "The amount has too many decimal places for its currency.",
        _ => "The amount is valid.",
    };
}
