using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentActors.Cli.Api;

/// <summary>
/// Money travels as a string ("100.50") so that no float ever touches it; the API may still answer with a
/// JSON number, so both are read.
/// </summary>
public sealed class DecimalAsStringConverter : JsonConverter<decimal>
{
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when decimal.TryParse(reader.GetString(), AmountStyle, CultureInfo.InvariantCulture, out var value) => value,
            _ => throw new JsonException($"Expected an amount as a string or a number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
