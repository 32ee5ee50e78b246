namespace PaymentActors.Cli.Api;

/// <summary>The error codes of the contract that the load test reacts to.</summary>
internal static class ApiErrorCodes
{
    /// <summary>The key's first request is still running: try again later, it will replay.</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>The key was used with a different body: the request must be refused and change nothing.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";
}
