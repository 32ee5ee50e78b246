namespace PaymentActors.Cli.Api;

/// <summary>
/// One HTTP exchange as the load test sees it. <see cref="StatusCode"/> is 0 when no answer arrived
/// (connection refused, reset, timed out): then the request may or may not have taken effect.
/// </summary>
internal sealed record ApiResponse<T>(
    int StatusCode,
    bool EnvelopeSuccess,
    bool HasEnvelope,
    T? Data,
    ApiErrorBody? Error,
    bool Replayed,
    TimeSpan Elapsed,
    string? TransportError)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300 && EnvelopeSuccess && Data is not null;

    /// <summary>The outcome is unknown or transient: the same request (same idempotency key) may be sent again.</summary>
    public bool IsAmbiguous =>
        !IsSuccess && (StatusCode is 0 or 408 or 429 or >= 500
                       || StatusCode is >= 200 and < 300
                       || (StatusCode == 409 && Error?.Code == ApiErrorCodes.IdempotencyKeyInUse));

    /// <summary>The route does not exist (a framework 404/405 without the API's envelope): the feature is not there yet.</summary>
    public bool IsMissingEndpoint => StatusCode is 404 or 405 or 501 && !HasEnvelope;

    public string Describe() =>
        StatusCode == 0 ? $"no answer ({TransportError})" : Error?.Code is { } code ? $"{StatusCode} {code}" : $"HTTP {StatusCode}";
}
