using System.CommandLine;
using System.Net.Http.Headers;
using PaymentActors.Cli.Commands;
using PaymentActors.Cli.Monitor;

namespace PaymentActors.Cli.Ledger;

/// <summary>The command <c>ledger export</c>: a wallet's ledger over a period as CSV, for accounting.</summary>
internal static class LedgerCommandLine
{
    public static Command Build()
    {
        var url = new Option<Uri>("--url")
        {
            Description = $"Base address of the PaymentActors API (default: ${MonitorCommandLine.UrlVariable}, else http://127.0.0.1:5080/).",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(MonitorCommandLine.UrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "http://127.0.0.1:5080/"),
            CustomParser = r => CliValueParsers.ParseUri(r)!,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"Bearer token: an operator's, or the wallet owner's (default: ${MonitorCommandLine.TokenVariable}). Never printed.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(MonitorCommandLine.TokenVariable),
        };
        var user = new Option<string>("--user", "-u") { Description = "The wallet's user id.", Required = true };
        var from = new Option<string>("--from") { Description = "Start, inclusive: 2026-01-01 or 2026-01-01T00:00:00Z.", Required = true };
        var to = new Option<string>("--to") { Description = "End, exclusive; at most 366 days after --from.", Required = true };
        var output = new Option<string?>("--out", "-o") { Description = "Write the CSV to this file (default: standard output)." };

        var export = new Command("export", "Export a wallet's ledger entries of [from, to) as CSV, oldest first (GET /wallets/{user_id}/ledger/export).");
        foreach (var option in new Option[] { url, token, user, from, to, output })
        {
            export.Options.Add(option);
        }

        export.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            if (parse.GetValue(token) is { } bearer && !string.IsNullOrWhiteSpace(bearer))
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Trim());
            }

            await using var standardOutput = Console.OpenStandardOutput();
            return await new LedgerExport(http, Console.Error).RunAsync(
                parse.GetValue(url)!, parse.GetValue(user)!, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(output), standardOutput, cancellationToken)
                .ConfigureAwait(false);
        });

        var ledger = new Command("ledger", "A wallet's ledger.");
        ledger.Subcommands.Add(export);
        return ledger;
    }
}
