using System.CommandLine;

namespace PaymentActors.Cli.Commands;

/// <summary>Entry point of the command-line tool.</summary>
internal static class LoadTestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new LoadTestCommandLine().Build(ConsoleLoadTest.ExecuteAsync);
        // Ctrl+C is handled by ConsoleLoadTest: the first press stops sending and still drains and audits.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await root.Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
    }
}
