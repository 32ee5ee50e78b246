namespace PaymentActors.Cli.Ledger;

/// <summary>How <c>ledger export</c> ends, for scripts.</summary>
internal static class LedgerExitCodes
{
    public const int Exported = 0;

    /// <summary>A bad command line, or a request the API refused (a bad date, an unknown wallet, a missing or bad token).</summary>
    public const int Refused = 2;

    /// <summary>The API could not be reached, or the answer broke off before its end.</summary>
    public const int ApiUnreachable = 3;
}
