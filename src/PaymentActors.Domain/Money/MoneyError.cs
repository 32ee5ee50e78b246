namespace PaymentActors.Money;

/// <summary>Why an amount was refused.</summary>
public enum MoneyError
{
    None,
    UnknownCurrency,
    NotPositive,
    TooLarge,
    TooManyDecimals,
}
