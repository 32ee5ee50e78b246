namespace PaymentActors.Gateway;

/// <summary>
/// Holds an amount at a provider without taking it. Idempotent at the provider by payment id and attempt, as a charge.
/// </summary>
/// <param name="FailoverFrom">When this attempt moved here because that provider provably did not take it: counted as a failover.</param>
[GenerateSerializer, Immutable, Alias("PaymentActors.AuthorizeRequest")]
public sealed record AuthorizeRequest(
    [property: Id(0)] string PaymentId,
    [property: Id(1)] string UserId,
    [property: Id(2)] Money.Money Amount,
    [property: Id(3)] int Attempt = 0,
    [property: Id(4)] string? FailoverFrom = null);
