namespace PaymentActors.FailureRecording;

/// <summary>
/// A page of failed events, newest first: at most <see cref="Limit"/> of them, optionally only one status,
/// starting after the event with id <see cref="StartingAfter"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.FailedEventQuery")]
public sealed record FailedEventQuery(
    [property: Id(0)] FailedEventStatus? Status = null,
    [property: Id(1)] int Limit = 50,
    [property: Id(2)] string? StartingAfter = null);
