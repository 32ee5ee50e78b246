namespace PaymentActors.Metrics;

/// <summary>
/// Seed 000's metrics: EventCount by event type, PaymentAmount by event type and currency,
/// PaymentSuccess, and PaymentFailure by failure type.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.MetricsSnapshot")]
public sealed record MetricsSnapshot(
    [property: Id(0)] IReadOnlyDictionary<string, long> EventCount,
    [property: Id(1)] IReadOnlyList<AmountByCurrency> PaymentAmount,
    [property: Id(2)] long PaymentSuccess,
    [property: Id(3)] IReadOnlyDictionary<string, long> PaymentFailure)
{
    public static MetricsSnapshot Empty { get; } =
        new(new Dictionary<string, long>(), [], 0, new Dictionary<string, long>());

    public long PaymentFailureTotal => PaymentFailure.Values.Sum();

    /// <summary>Adds two partitions' counts.</summary>
    public MetricsSnapshot Merge(MetricsSnapshot other)
    {
        var amounts = PaymentAmount.Concat(other.PaymentAmount)
            .GroupBy(a => (a.EventType, a.Currency))
            .Select(g => new AmountByCurrency(g.Key.EventType, g.Key.Currency, g.Sum(a => a.Total)))
            .OrderBy(a => a.EventType, StringComparer.Ordinal).ThenBy(a => a.Currency, StringComparer.Ordinal)
            .ToList();
        return new MetricsSnapshot(
            Add(EventCount, other.EventCount), amounts, PaymentSuccess + other.PaymentSuccess, Add(PaymentFailure, other.PaymentFailure));
    }

    private static SortedDictionary<string, long> Add(IReadOnlyDictionary<string, long> left, IReadOnlyDictionary<string, long> right)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in left.Concat(right))
        {
            sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }
}
