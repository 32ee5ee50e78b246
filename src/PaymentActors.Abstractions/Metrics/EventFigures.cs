namespace PaymentActors.Metrics;

/// <summary>
/// Seed 003's event figures: catalogue events published (by event type) and delivered to each subscriber; what a
/// subscriber has not yet received is the difference. Counted since the silos started; <see cref="Silos"/> were asked.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.EventFigures")]
public sealed record EventFigures(
    [property: Id(0)] IReadOnlyDictionary<string, long> Published,
    [property: Id(1)] IReadOnlyDictionary<string, long> Delivered,
    [property: Id(2)] int Silos)
{
    public static EventFigures Empty { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>(), 0);

    /// <summary>The subscriber that is sent failed payments only (it listens to the failures stream).</summary>
    public const string FailureRecorder = "failure_recorder";

    public long PublishedTotal => Published.Values.Sum();

    /// <summary>What <paramref name="subscriber"/> is sent: every event, or the failures for the failure recorder.</summary>
    public long ExpectedBy(string subscriber) =>
        subscriber == FailureRecorder ? Published.GetValueOrDefault(Events.EventTypes.PaymentFailed) : PublishedTotal;

    /// <summary>Published but not yet delivered to <paramref name="subscriber"/> (never negative: silos are read one after another).</summary>
    public long PendingFor(string subscriber) => Math.Max(0, ExpectedBy(subscriber) - Delivered.GetValueOrDefault(subscriber));

    public EventFigures Merge(EventFigures other) =>
        new(Add(Published, other.Published), Add(Delivered, other.Delivered), Silos + other.Silos);

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
