namespace PaymentActors.Wallets;

/// <summary>
/// The remembered outcome of a finished operation (a closed reservation, a deposit or a credit), with the id and
/// time of the event it emitted, so that a retry returns the same result without a second effect. A closed
/// reservation keeps its payment's <see cref="Request"/> until the payment says its ending is durable (settled):
/// until then the wallet may have to resume the payment.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.ClosedOperation")]
public sealed record ClosedOperation(
    [property: Id(0)] string OperationId,
    [property: Id(1)] OperationKind Kind,
    [property: Id(2)] ReservationStatus Status,
    [property: Id(3)] decimal Amount,
    [property: Id(4)] DateTimeOffset ClosedAt,
    [property: Id(5)] string EventId,
    [property: Id(6)] string? PaymentId = null,
    [property: Id(7)] string? Reason = null,
    [property: Id(8)] int Attempt = 0,
    [property: Id(9)] PaymentActors.Payments.PaymentRequest? Request = null,
    [property: Id(10)] DateTimeOffset? ListedAt = null);
