namespace PaymentActors.AzureTables.Storage;

/// <summary>A grain state that does not fit in one Azure Table entity; thrown before anything is sent.</summary>
[GenerateSerializer, Alias("PaymentActors.AzureTables.GrainStateTooLargeException")]
public sealed class GrainStateTooLargeException : InvalidOperationException
{
    public GrainStateTooLargeException(string message)
        : base(message)
    {
    }
}
