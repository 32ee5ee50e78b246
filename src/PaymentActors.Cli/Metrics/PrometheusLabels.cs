using System.Text;

namespace PaymentActors.Cli.Metrics;

/// <summary>Parses the inside of a label set, <c>a="x",b="y \"quoted\""</c>, with the exposition format's escapes.</summary>
internal static class PrometheusLabels
{
    public static Dictionary<string, string> Parse(ReadOnlySpan<char> text)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (true)
        {
            SkipSpacesAndCommas(text, ref position);
            if (position >= text.Length)
            {
                return labels;
            }

            var equals = text[position..].IndexOf('=');
            if (equals < 0)
            {
                throw new FormatException($"Label without value in '{text}'.");
            }

            var name = text.Slice(position, equals).Trim().ToString();
            position += equals + 1;
            SkipSpaces(text, ref position);
            if (position >= text.Length || text[position] != '"')
            {
                throw new FormatException($"Label '{name}' has no quoted value in '{text}'.");
            }

            position++;
            var value = new StringBuilder();
            while (position < text.Length && text[position] != '"')
            {
                if (text[position] == '\\' && position + 1 < text.Length)
                {
                    position++;
                    value.Append(text[position] == 'n' ? '\n' : text[position]);
                }
                else
                {
                    value.Append(text[position]);
                }

                position++;
            }

            if (position >= text.Length)
            {
                throw new FormatException($"Label '{name}' has an unterminated value in '{text}'.");
            }

            position++;
            labels[name] = value.ToString();
        }
    }

    private static void SkipSpacesAndCommas(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && (text[position] == ',' || char.IsWhiteSpace(text[position])))
        {
            position++;
        }
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
