using System.Text.Json;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Validation;

namespace PaymentActors.Api.Http;

/// <summary>
/// The rules on a JSON body's text that binding cannot see, checked on the whole document before anything is bound.
/// Names are case-sensitive (<c>amount</c>, never <c>AMOUNT</c>), and one object naming a property twice, in any
/// case, is refused rather than resolved: "last one wins" (or first) would let a body say two amounts and have a
/// different layer believe each. Every string must be text: System.Text.Json parses a lone surrogate escape
/// ("\ud800") or invalid UTF-8 bytes without complaint and throws only when the string is read.
/// </summary>
public static class JsonTextRules
{
    /// <summary>The first violation in <paramref name="root"/> (a JSON object), naming the top-level field it is in.</summary>
    public static ApiError? Check(JsonElement root, IReadOnlyCollection<string> fields) => CheckObject(root, field: null, fields);

    private static ApiError? CheckObject(JsonElement element, string? field, IReadOnlyCollection<string> fields)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                return NotText(field ?? JsonBodyReader.BodyField, "a property name");
            }

            // At the top level a misspelt case of a known field is named by the field it imitates, and an unknown
            // field by its first spelling.
            var blamed = field
                ?? fields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase))
                ?? seen.GetValueOrDefault(name, name);
            if (!seen.TryAdd(name, name))
            {
                return InputValidation.Invalid(
                    blamed,
                    $"'{name}' appears more than once in one object (property names are compared ignoring case); send each field once.");
            }

            if (field is null && blamed != name)
            {
                return InputValidation.Invalid(blamed, $"'{name}' is not a field; names are case-sensitive: send '{blamed}'.");
            }

            if (CheckValue(property.Value, blamed, fields) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static ApiError? CheckValue(JsonElement value, string field, IReadOnlyCollection<string> fields)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return CheckObject(value, field, fields);
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (CheckValue(item, field, fields) is { } error)
                    {
                        return error;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    _ = value.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return NotText(field, "a string");
                }

            default:
                return null;
        }
    }

    private static ApiError NotText(string field, string what) =>
        InputValidation.Invalid(field, $"'{field}' holds {what} that is not valid text (invalid UTF-8 or an unpaired surrogate).");
}
