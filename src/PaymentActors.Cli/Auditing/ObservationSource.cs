namespace PaymentActors.Cli.Auditing;

/// <summary>Where a wallet reading came from; only the sampler's and the final readings are in request order.</summary>
public enum ObservationSource
{
    Sampler,
    DepositResponse,
    Final,
}
