using System.Globalization;
using System.Text;

namespace PaymentActors.AzureTables.Tables;

/// <summary>
/// Makes any string safe as (part of) an Azure Table PartitionKey or RowKey, reversibly.
/// Keys may not contain '/', '\', '#', '?' or control characters. We escape those, our escape character '%'
/// and our component separator '|' as "%XX" (or "%uXXXX" above U+00FF, e.g. lone surrogates); every other
/// character passes through. Hex digits never include 'u', so decoding is unambiguous, and because the separator
/// never survives escaping, joining escaped components with it cannot make two different inputs collide.
/// </summary>
public static class TableKeyEncoder
{
    /// <summary>Separates escaped components inside one key; never appears inside an escaped component.</summary>
    public const char Separator = '|';

    private const char EscapeCharacter = '%';

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsEscaping(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (MustEscape(c))
            {
                builder.Append(EscapeCharacter);
                if (c <= '\u00FF')
                {
                    builder.Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        if (!escaped.Contains(EscapeCharacter, StringComparison.Ordinal))
        {
            return escaped;
        }

        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != EscapeCharacter)
            {
                builder.Append(escaped[i]);
                continue;
            }

            var wide = i + 1 < escaped.Length && escaped[i + 1] == 'u';
            var start = wide ? i + 2 : i + 1;
            var digits = wide ? 4 : 2;
            if (start + digits > escaped.Length ||
                !int.TryParse(escaped.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{escaped}' is not an escaped table key: bad escape at position {i}.");
            }

            builder.Append((char)code);
            i = start + digits - 1;
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (MustEscape(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    // Surrogates reach here only when unpaired; they would not survive the service's JSON, so they are escaped too.
    private static bool MustEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or EscapeCharacter or Separator || char.IsControl(c) || char.IsSurrogate(c);
}
