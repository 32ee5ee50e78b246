namespace PaymentActors.MockGateway.Charges;

/// <summary>What a charge or refund did to the ledger.</summary>
public enum LedgerWrite
{
    /// <summary>First time this id was seen: recorded.</summary>
    Created,
    /// <summary>Same id, same request: the first outcome is returned, nothing changes.</summary>
    Replayed,
    /// <summary>Same id, different request: refused, nothing changes.</summary>
    Conflict,
    /// <summary>The refund's charge is still being processed: nothing recorded; ask again once it is decided.</summary>
    ChargeInProgress,
}
