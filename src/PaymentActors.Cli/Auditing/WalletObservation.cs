namespace PaymentActors.Cli.Auditing;

/// <summary>A wallet as the API showed it, <paramref name="At"/> after the run started.</summary>
public sealed record WalletObservation(
    string UserId,
    decimal Balance,
    decimal Reserved,
    decimal Available,
    long Version,
    ObservationSource Source,
    TimeSpan At);
