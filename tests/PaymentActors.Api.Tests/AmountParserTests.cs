using PaymentActors.Api.Validation;

namespace PaymentActors.Api.Tests;

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("100.50", "100.50")]
    [InlineData("100.5", "100.5")]
    [InlineData("0.01", "0.01")]
    [InlineData("1e2", "100")]
    [InlineData("1.5E+1", "15")]
    [InlineData("12345e-2", "123.45")]
    [InlineData("007.10", "7.1")]
    [InlineData("-3.25", "-3.25")]
    [InlineData("0", "0")]
    [InlineData("0e9999", "0")]
    [InlineData("1000000000000", "1000000000000")]
    public void Reads_decimal_text_exactly(string text, string expected)
    {
        Assert.Equal(AmountParseStatus.Parsed, AmountParser.TryParse(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("+1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e99999")]
    [InlineData("١٢")]
    public void Refuses_what_is_not_a_plain_decimal(string text) =>
        Assert.Equal(AmountParseStatus.Malformed, AmountParser.TryParse(text, out _));

    [Theory]
    [InlineData("1e400", AmountParseStatus.TooLarge)]
    [InlineData("999999999999999999999999999999", AmountParseStatus.TooLarge)]
    [InlineData("1.0000000000000000000000000000001", AmountParseStatus.TooManyDecimals)]
    [InlineData("1e-30", AmountParseStatus.TooManyDecimals)]
    public void Refuses_what_decimal_would_round_or_overflow(string text, AmountParseStatus expected) =>
        Assert.Equal(expected, AmountParser.TryParse(text, out _));
}
