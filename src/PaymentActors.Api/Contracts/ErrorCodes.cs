namespace PaymentActors.Api.Contracts;

/// <summary>The error codes of the API contract; clients switch on these, so they never change.</summary>
public static class ErrorCodes
{
    /// <summary>400: malformed JSON, a wrong type, a missing field or a value out of its limits.</summary>
    public const string ValidationError = "validation_error";

    /// <summary>404: no payment has this id.</summary>
    public const string PaymentNotFound = "payment_not_found";

    /// <summary>404: this user has never deposited, so there is no wallet.</summary>
    public const string WalletNotFound = "wallet_not_found";

    /// <summary>404: no route matches the path.</summary>
    public const string NotFound = "not_found";

    /// <summary>405: the route exists but not with this method.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>415: the body is not sent as <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>409: a request with this Idempotency-Key is still being made durable; retry shortly.</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>422: this Idempotency-Key was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>422: the wallet holds another currency than the deposit.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>503: the cluster did not answer in time; the request may be retried with the same Idempotency-Key.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>500: a fault of ours; nothing the client sent explains it.</summary>
    public const string InternalError = "internal_error";
}
