using System.Text;

namespace PaymentActors.Cli.Metrics;

/// <summary>
/// A metric name with optional label matchers, in PromQL's instant-selector spelling:
/// <c>paymentactors_events_total{event_type="payment.completed"}</c>. Only equality matchers.
/// </summary>
public sealed record PrometheusSelector(string Name, IReadOnlyDictionary<string, string> Labels)
{
    public static PrometheusSelector Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0)
        {
            return new PrometheusSelector(text, new Dictionary<string, string>());
        }

        if (!text.EndsWith('}'))
        {
            throw new FormatException($"Selector '{text}' opens '{{' without closing it.");
        }

        var labels = PrometheusLabels.Parse(text.AsSpan(brace + 1, text.Length - brace - 2));
        return new PrometheusSelector(text[..brace].Trim(), labels);
    }

    public bool Matches(string name, IReadOnlyDictionary<string, string> labels) =>
        string.Equals(name, Name, StringComparison.Ordinal)
        && Labels.All(wanted => labels.TryGetValue(wanted.Key, out var value) && value == wanted.Value);

    public override string ToString()
    {
        if (Labels.Count == 0)
        {
            return Name;
        }

        var text = new StringBuilder(Name).Append('{');
        text.AppendJoin(',', Labels.Select(l => $"{l.Key}=\"{l.Value}\""));
        return text.Append('}').ToString();
    }
}
