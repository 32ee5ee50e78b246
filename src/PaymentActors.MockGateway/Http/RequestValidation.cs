using System.Globalization;

namespace PaymentActors.MockGateway.Http;

/// <summary>
/// Field rules of the gateway's contract. The gateway is an outside system, so it keeps its own rules:
/// amounts are positive decimal strings with at most three decimals, currencies three upper-case letters.
/// </summary>
public static class RequestValidation
{
    public const int MaxIdLength = 128;
    public const int MaxAmountDecimals = 3;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static ErrorBody? CheckId(string? value, string field) => value switch
    {
        null or "" => Invalid(field, $"{field} is required."),
        { Length: > MaxIdLength } => Invalid(field, $"{field} must be at most {MaxIdLength} characters."),
        _ when value.Any(char.IsControl) || string.IsNullOrWhiteSpace(value) => Invalid(field, $"{field} must be printable text."),
        _ => null,
    };

    public static ErrorBody? CheckAmount(string? value, string field, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrEmpty(value))
        {
            return Invalid(field, $"{field} is required, as a string such as 100.50.");
        }

        // Digits with an optional fraction only: no sign, exponent, thousands separator or blank.
        if (!value.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return Invalid(field, $"{field} must be a decimal string such as 100.50.");
        }

        if (amount <= 0)
        {
            return Invalid(field, $"{field} must be greater than zero.");
        }

        if (amount > MaxAmount)
        {
            return Invalid(field, $"{field} must not exceed {MaxAmount.ToString(CultureInfo.InvariantCulture)}.");
        }

        return amount.Scale > MaxAmountDecimals
            ? Invalid(field, $"{field} has at most {MaxAmountDecimals} decimal places.")
            : null;
    }

    public static ErrorBody? CheckAttempt(int? value, string field) =>
        value is null or >= 0 ? null : Invalid(field, $"{field} must be zero or more.");

    public static ErrorBody? CheckCurrency(string? value, string field) =>
        value is { Length: 3 } && value.All(char.IsAsciiLetterUpper)
            ? null
            : Invalid(field, $"{field} must be an ISO 4217 code such as USD.");

    public static string FormatAmount(decimal amount, int decimals) =>
        amount.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static ErrorBody Invalid(string field, string message) => new(ErrorCodes.InvalidField, message, field);
}
