namespace PaymentActors.Api.Validation;

public enum AmountParseStatus
{
    Parsed,
    /// <summary>Not a plain decimal number.</summary>
    Malformed,
    /// <summary>More integer digits than any accepted amount has.</summary>
    TooLarge,
    /// <summary>More decimals than any currency allows.</summary>
    TooManyDecimals,
}
