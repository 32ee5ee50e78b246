namespace PaymentActors.Cli.Auditing;

/// <summary>
/// One answer to POST /payments. <paramref name="StatusCode"/> 0 means no answer arrived;
/// <paramref name="Amount"/> is the amount that request carried.
/// </summary>
public sealed record SubmitResponse(
    SubmitKind Kind,
    decimal Amount,
    int StatusCode,
    string? PaymentId,
    bool Replayed,
    string? ErrorCode)
{
    public bool Accepted => StatusCode is >= 200 and < 300 && !string.IsNullOrEmpty(PaymentId);

    /// <summary>A refusal that guarantees no payment was made (validation, key reused, ...).</summary>
    public bool DefinitelyRejected =>
        StatusCode is >= 400 and < 500 and not 408 and not 429
        && !(StatusCode == 409 && ErrorCode == Api.ApiErrorCodes.IdempotencyKeyInUse);
}
