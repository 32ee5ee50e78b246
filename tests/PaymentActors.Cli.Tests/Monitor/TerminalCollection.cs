namespace PaymentActors.Cli.Tests.Monitor;

/// <summary>
/// The terminal tests start the API as its own process: they run alone, after the others, so that they do not take
/// the CPU from the in-process load test's bounded run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    public const string Name = "Real terminal";
}
