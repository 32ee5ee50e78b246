using System.Globalization;
using System.Text.RegularExpressions;

namespace PaymentActors.Api.Validation;

/// <summary>
/// Reads an amount from its text exactly. <see cref="decimal.Parse(string)"/> silently rounds digits past its
/// 28–29 significant ones, so "1.0000000000000000000000000000001" would pass as 1; here the digits are counted
/// first and anything that cannot be represented exactly is refused instead of rounded.
/// </summary>
public static partial class AmountParser
{
    /// <summary>More integer digits than <see cref="Money.Money.MaxAmount"/> has: too large whatever follows.</summary>
    private const int MaxIntegerDigits = 14;

    /// <summary>No currency has more than 3 decimals; a few more keep the message specific ("at most 2 decimals").</summary>
    private const int MaxFractionDigits = 8;

    public static AmountParseStatus TryParse(string text, out decimal amount)
    {
        amount = 0m;
        var match = DecimalNumber().Match(text);
        if (!match.Success)
        {
            return AmountParseStatus.Malformed;
        }

        var exponent = match.Groups["exp"].Success
            ? int.Parse(match.Groups["exp"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : 0;
        var digits = match.Groups["int"].Value + match.Groups["frac"].Value;
        var pointPosition = match.Groups["int"].Length + exponent;

        // Leading zeros move the point; trailing zeros carry no value.
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');
        pointPosition -= leadingZeros;
        if (digits.Length == 0)
        {
            return AmountParseStatus.Parsed;
        }

        if (pointPosition > MaxIntegerDigits)
        {
            return AmountParseStatus.TooLarge;
        }

        if (digits.Length - pointPosition > MaxFractionDigits)
        {
            return AmountParseStatus.TooManyDecimals;
        }

        var plain = pointPosition <= 0
            ? "0." + new string('0', -pointPosition) + digits
            : pointPosition >= digits.Length
                ? digits + new string('0', pointPosition - digits.Length)
                : digits[..pointPosition] + "." + digits[pointPosition..];
        amount = decimal.Parse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (match.Groups["sign"].Success)
        {
            amount = -amount;
        }

        return AmountParseStatus.Parsed;
    }

    // The JSON number grammar; exponents are limited to 4 digits so that they cannot overflow.
    [GeneratedRegex(@"^(?<sign>-)?(?<int>[0-9]+)(?:\.(?<frac>[0-9]+))?(?:[eE](?<exp>[+-]?[0-9]{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
