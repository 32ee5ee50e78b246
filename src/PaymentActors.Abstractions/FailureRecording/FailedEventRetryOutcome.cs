namespace PaymentActors.FailureRecording;

[GenerateSerializer, Alias("PaymentActors.FailedEventRetryOutcome")]
public enum FailedEventRetryOutcome
{
    Retried = 0,
    NotFound = 1,
    /// <summary>A business outcome (a decline, no funds): retrying cannot change it.</summary>
    NotRetryable = 2,
    /// <summary>Already resolved, or a retry is under way.</summary>
    NotFailed = 3,
}
