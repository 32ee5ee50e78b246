using System.Globalization;
using System.Text;

namespace PaymentActors.AzureTables.Wallets;

/// <summary>
/// Makes a user, deposit or refund id safe inside a table key, reversibly: '/', '\', '#', '?', control characters,
/// lone surrogates and the escape character '%' itself become "%XXXX"; every other character passes through. Ids that
/// the API admits need no escaping; this only keeps a key legal and distinct whatever a caller passes.
/// </summary>
internal static class WalletKeys
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(MustEscape))
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
                builder.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c) || char.IsSurrogate(c);
}
