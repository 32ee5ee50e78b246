namespace PaymentActors.Gateway;

/// <summary>Releases an authorization at the provider that holds it; idempotent (one void per authorization).</summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.VoidAuthorizationRequest")]
public sealed record VoidAuthorizationRequest(
    [property: Id(0)] string AuthorizationId,
    [property: Id(1)] string PaymentId);
