namespace PaymentActors.Cli.Running;

public enum RunPhase
{
    /// <summary>Funding the run's wallets.</summary>
    Setup,

    /// <summary>Clients sending payments.</summary>
    Load,

    /// <summary>Waiting for every accepted payment to become terminal and every reservation to clear.</summary>
    Drain,

    /// <summary>Reading final state and checking the invariants.</summary>
    Audit,

    Done,
}
