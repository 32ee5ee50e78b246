namespace PaymentActors.Cli.Auditing;

/// <summary>Why a POST /payments with a given idempotency key was sent.</summary>
public enum SubmitKind
{
    /// <summary>The first request for the key.</summary>
    Original,

    /// <summary>The same request again because the previous attempt's outcome was unknown or the key was in use.</summary>
    Retry,

    /// <summary>The same request again after a success, to check that it replays.</summary>
    Replay,

    /// <summary>The same request sent at the same time as the original.</summary>
    ConcurrentDuplicate,

    /// <summary>The same key with another amount: must be refused with idempotency_key_reused.</summary>
    DifferentBody,
}
