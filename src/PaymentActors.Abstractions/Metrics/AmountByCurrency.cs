namespace PaymentActors.Metrics;

/// <summary>The sum of the amounts carried by one event type in one currency.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.AmountByCurrency")]
public sealed record AmountByCurrency(
    [property: Id(0)] string EventType,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Total);
