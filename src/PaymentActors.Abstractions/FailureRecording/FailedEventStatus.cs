namespace PaymentActors.FailureRecording;

[GenerateSerializer, Alias("PaymentActors.FailedEventStatus")]
public enum FailedEventStatus
{
    Failed = 0,
    Retried = 1,
    Resolved = 2,
}
