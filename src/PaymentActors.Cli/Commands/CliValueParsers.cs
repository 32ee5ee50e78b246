using System.CommandLine.Parsing;
using System.Globalization;

namespace PaymentActors.Cli.Commands;

/// <summary>Culture-independent parsing of the values the command line takes ("1.50" is 1.50 on every machine).</summary>
internal static class CliValueParsers
{
    public static decimal ParseDecimal(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not an amount; write it like 10 or 10.50.");
        return 0;
    }

    public static Uri? ParseUri(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        result.AddError($"'{text}' is not an absolute URL such as http://127.0.0.1:5080.");
        return null;
    }

    /// <summary>Accepts 1500ms, 30s, 5m, 1h, a plain number of seconds, or a TimeSpan such as 00:01:30.</summary>
    public static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        if (TryParseDuration(text, out var duration))
        {
            return duration;
        }

        result.AddError($"'{text}' is not a duration; write 30s, 5m, 1h, 1500ms or 00:01:30.");
        return null;
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds),
            ("s", TimeSpan.FromSeconds),
            ("m", TimeSpan.FromMinutes),
            ("h", TimeSpan.FromHours),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity))
            {
                duration = make(quantity);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }
}
