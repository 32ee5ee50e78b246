using System.CommandLine;
using PaymentActors.Cli.Ledger;
using PaymentActors.Cli.Monitor;

namespace PaymentActors.Cli.Commands;

/// <summary>Entry point of the command-line tool: the load-test scenarios, the step monitor (pay, watch) and the ledger export.</summary>
internal static class LoadTestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new LoadTestCommandLine().Build(ConsoleLoadTest.ExecuteAsync);
        foreach (var command in MonitorCommandLine.Build())
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(LedgerCommandLine.Build());

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A usage error is exit code 2 for every command (System.CommandLine's own is 1, which pay uses for "failed").
            await parse.InvokeAsync().ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }

        // Ctrl+C is handled by ConsoleLoadTest: the first press stops sending and still drains and audits.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
