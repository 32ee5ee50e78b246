namespace PaymentActors.FailureRecording;

/// <summary>Seed 000's FailedEvent: what failed, where, how often it was retried and where it stands now.</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.FailedEvent")]
public sealed record FailedEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string OriginalEvent,
    [property: Id(2)] string EventType,
    [property: Id(3)] string PaymentId,
    [property: Id(4)] string ErrorMessage,
    [property: Id(5)] string Source,
    [property: Id(6)] int RetryCount,
    [property: Id(7)] FailedEventStatus Status,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt);
