using System.Globalization;

namespace PaymentActors.Cli.Metrics;

/// <summary>Reads the Prometheus text exposition format just far enough to add up a counter's samples.</summary>
public static class PrometheusText
{
    /// <summary>
    /// The sum of every sample of the selected metric across its label sets (a counter split by store, grain type, ...),
    /// or null when no sample matches.
    /// </summary>
    public static double? Sum(string exposition, PrometheusSelector selector)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        ArgumentNullException.ThrowIfNull(selector);
        double? total = null;
        foreach (var rawLine in exposition.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty || line[0] == '#' || !line.StartsWith(selector.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (TryParseSample(line, out var name, out var labels, out var value) && double.IsFinite(value) && selector.Matches(name, labels))
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }

    private static bool TryParseSample(ReadOnlySpan<char> line, out string name, out IReadOnlyDictionary<string, string> labels, out double value)
    {
        name = string.Empty;
        labels = new Dictionary<string, string>();
        value = 0;
        var nameEnd = line.IndexOfAny('{', ' ', '\t');
        if (nameEnd <= 0)
        {
            return false;
        }

        name = line[..nameEnd].ToString();
        var rest = line[nameEnd..];
        if (rest[0] == '{')
        {
            var close = LabelSetEnd(rest);
            if (close < 0)
            {
                return false;
            }

            try
            {
                labels = PrometheusLabels.Parse(rest[1..close]);
            }
            catch (FormatException)
            {
                return false;
            }

            rest = rest[(close + 1)..];
        }

        rest = rest.TrimStart();
        var valueEnd = rest.IndexOfAny(' ', '\t');
        var valueText = valueEnd < 0 ? rest : rest[..valueEnd];
        return double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The index of the '}' closing the label set, skipping braces inside quoted values.</summary>
    private static int LabelSetEnd(ReadOnlySpan<char> text)
    {
        var quoted = false;
        for (var i = 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case '}' when !quoted:
                    return i;
            }
        }

        return -1;
    }
}
