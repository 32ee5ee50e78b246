namespace PaymentActors.MockGateway.Http;

public static class ErrorCodes
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidField = "invalid_field";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string GatewayUnavailable = "gateway_unavailable";

    /// <summary>The outage's 503: the gateway processed nothing of this request.</summary>
    public const string NotProcessed = "not_processed";
    public const string NotFound = "not_found";
}
