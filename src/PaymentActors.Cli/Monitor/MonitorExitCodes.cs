namespace PaymentActors.Cli.Monitor;

/// <summary>How <c>pay</c> and <c>watch</c> end, for scripts.</summary>
internal static class MonitorExitCodes
{
    public const int Completed = 0;

    /// <summary>Failed or cancelled, or not finished within <c>--timeout</c>.</summary>
    public const int NotCompleted = 1;

    /// <summary>A bad command line, or a request the API refused (bad input, unknown payment, missing or bad token).</summary>
    public const int Usage = 2;

    public const int ApiUnreachable = 3;
}
