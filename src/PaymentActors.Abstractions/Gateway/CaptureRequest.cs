namespace PaymentActors.Gateway;

/// <summary>
/// Takes all (<paramref name="Amount"/> null) or part of an authorization, at the provider that holds it; the rest of the
/// hold is released. Idempotent by <paramref name="CaptureId"/>: a declined capture may be followed by one with a new id.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.CaptureRequest")]
public sealed record CaptureRequest(
    [property: Id(0)] string CaptureId,
    [property: Id(1)] string AuthorizationId,
    [property: Id(2)] string PaymentId,
    [property: Id(3)] Money.Money? Amount = null);
