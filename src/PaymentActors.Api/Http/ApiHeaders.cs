namespace PaymentActors.Api.Http;

/// <summary>The HTTP headers of the API contract.</summary>
public static class ApiHeaders
{
    /// <summary>A client-chosen key that makes a POST safe to retry: the same key and body give the same result, once.</summary>
    public const string IdempotencyKey = "Idempotency-Key";

    /// <summary>Set to "true" on a response that replays the result of an earlier request with the same key.</summary>
    public const string IdempotentReplayed = "Idempotent-Replayed";
}
