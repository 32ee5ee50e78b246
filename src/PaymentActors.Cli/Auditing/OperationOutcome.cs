namespace PaymentActors.Cli.Auditing;

/// <summary>What the client learnt about a state-changing request.</summary>
public enum OperationOutcome
{
    /// <summary>The API answered with success: the change happened.</summary>
    Confirmed,

    /// <summary>The API answered with a definitive refusal: nothing changed.</summary>
    Rejected,

    /// <summary>No usable answer even after retries: the change may or may not have happened.</summary>
    Unknown,
}
