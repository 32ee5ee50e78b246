using System.Globalization;
using PaymentActors.Cli.Metrics;
using PaymentActors.Cli.Reporting;
using Spectre.Console;

namespace PaymentActors.Cli.Commands;

/// <summary>The final tables of a run.</summary>
internal static class ReportView
{
    private const int MaxViolationsShown = 25;
    private const int MaxWalletsShown = 20;

    public static void Render(IAnsiConsole console, LoadTestReport report)
    {
        console.Write(new Rule($"[bold]PaymentActors load test[/] {Markup.Escape(report.RunId)}").LeftJustified());
        console.Write(Summary(report));
        console.Write(Latency(report));
        console.Write(Outcomes(report));
        if (report.Scenario == "mixed")
        {
            console.Write(Activity(report.Activity));
        }

        console.Write(Wallets(report));
        RenderAudit(console, report);
    }

    private static Table Summary(LoadTestReport report)
    {
        var table = new Table().Title("Run").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("scenario / mode", $"{report.Scenario} / {report.Mode}");
        table.AddRow("target", Markup.Escape(report.TargetUrl));
        table.AddRow("clients / wallets", $"{report.Concurrency} / {report.Wallets}");
        table.AddRow("amount / deposit", $"{Amount(report.Amount)} / {Amount(report.Deposit)} {report.Currency}");
        table.AddRow("seed", report.Seed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("load / settled after", $"{report.LoadSeconds:0.00} s / {report.SettleSeconds:0.00} s{(report.Interrupted ? " [yellow](interrupted)[/]" : "")}");
        var p = report.Payments;
        table.AddRow("payments", $"sent {p.Sent}, accepted {p.Accepted}, rejected {p.Rejected}, no answer {p.Unresolved}");
        table.AddRow("results", $"completed {p.Completed}, failed {p.Failed}, not terminal {p.NotTerminal}");
        table.AddRow("throughput", $"{report.Throughput.AcceptedPerSecond:0.0} accepted/s, {report.Throughput.CompletedPerSecond:0.0} completed/s");
        var server = report.Server;
        table.AddRow("storage writes", !server.MetricsEndpointFound ? "[grey]/metrics not found[/]"
            : server.StorageWritesDelta is { } writes
                ? $"{writes:0} ({(server.StorageWritesPerCompletedPayment is { } per ? per.ToString("0.00", CultureInfo.InvariantCulture) : "n/a")} per completed payment)"
                : $"[grey]{Markup.Escape(server.StorageWritesMetric)} not found[/]");
        table.AddRow("server completed events", server.CompletedPaymentsDelta is { } events
            ? $"{events:0} (clients saw {p.Completed})"
            : $"[grey]{Markup.Escape(server.CompletedPaymentsMetric)} not found[/]");
        return table;
    }

    private static Table Latency(LoadTestReport report)
    {
        var table = new Table().Title("Latency (ms, HDR histogram)")
            .AddColumns("", "count", "p50", "p90", "p99", "p99.9", "max");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        AddLatency(table, "submit (POST /payments)", report.SubmitLatency);
        AddLatency(table, "settle (sent → terminal)", report.SettleLatency);
        return table;

        static void AddLatency(Table table, string name, LatencySummary latency) => table.AddRow(
            Markup.Escape(name), latency.Count.ToString(CultureInfo.InvariantCulture),
            Ms(latency.P50Ms), Ms(latency.P90Ms), Ms(latency.P99Ms), Ms(latency.P999Ms), Ms(latency.MaxMs));
    }

    private static Table Outcomes(LoadTestReport report)
    {
        var table = new Table().Title("Outcomes").AddColumns("", "", "count");
        table.Columns[2].RightAligned();
        foreach (var (status, count) in report.FinalStatuses) table.AddRow("status", Markup.Escape(status), Count(count));
        foreach (var (reason, count) in report.FailureReasons) table.AddRow("failure reason", Markup.Escape(reason), Count(count));
        foreach (var (rejection, count) in report.Rejections) table.AddRow("rejected", Markup.Escape(rejection), Count(count));
        return table;
    }

    private static Table Activity(ScenarioActivity activity)
    {
        var table = new Table().Title("Mixed scenario").AddColumns("", "");
        table.HideHeaders();
        table.AddRow("replays (matched)", $"{activity.ReplaysSent} ({activity.ReplaysMatched})");
        table.AddRow("concurrent duplicates", Count(activity.ConcurrentDuplicates));
        table.AddRow("key reuse probes (refused 422)", $"{activity.KeyReuseProbes} ({activity.KeyReuseRefused})");
        table.AddRow("top-up deposits", Count(activity.TopUps));
        table.AddRow("refunds", $"{Feature(activity.Refunds)}: confirmed {activity.RefundsConfirmed}, refused {activity.RefundsRefused}");
        table.AddRow("cancels", $"{Feature(activity.Cancel)}: confirmed {activity.CancelsConfirmed}, refused {activity.CancelsRefused}");
        table.AddRow("wallet readings / no-answer requests", $"{activity.WalletSamples} / {activity.TransportErrors}");
        return table;
    }

    private static Table Wallets(LoadTestReport report)
    {
        var scale = DisplayScale(report);
        var table = new Table().Title("Wallets").AddColumns("user", "deposited", "debited", "refunded", "expected", "balance", "reserved");
        foreach (var column in table.Columns.Skip(1)) column.RightAligned();
        foreach (var wallet in report.Audit.Wallets.Take(MaxWalletsShown))
        {
            var balance = wallet.Balance is { } shown ? Amount(shown, scale) : "?";
            if (wallet.ExpectedBalance is { } expected && wallet.Balance is { } actual && expected != actual)
            {
                balance = $"[red]{balance}[/]";
            }

            table.AddRow(
                Markup.Escape(wallet.UserId), Amount(wallet.Deposited, scale), Amount(wallet.Debited, scale), Amount(wallet.Refunded, scale),
                wallet.ExpectedBalance is { } e ? Amount(e, scale) : "[grey]unknown[/]", balance,
                wallet.Reserved is { } reserved ? Amount(reserved, scale) : "?");
        }

        if (report.Audit.Wallets.Count > MaxWalletsShown)
        {
            table.Caption($"{report.Audit.Wallets.Count - MaxWalletsShown} more in the JSON report");
        }

        return table;
    }

    private static void RenderAudit(IAnsiConsole console, LoadTestReport report)
    {
        var audit = report.Audit;
        var coverage = audit.Coverage;
        console.MarkupLine(
            $"Audit looked at {coverage.IdempotencyKeys} keys, {coverage.PaymentIds} payments, {coverage.WalletReadings} wallet readings, " +
            $"{coverage.WalletsBalanceChecked}/{coverage.WalletsTotal} wallet balances, {coverage.OrdersChecked} orders, {coverage.LedgersReplayed} ledgers.");
        foreach (var note in audit.Notes)
        {
            console.MarkupLineInterpolated($"[grey]note: {note}[/]");
        }

        if (audit.Passed)
        {
            console.MarkupLine("[bold green]AUDIT PASSED[/]: every invariant held.");
            return;
        }

        var table = new Table().Title("[red]Violations[/]").AddColumns("kind", "subject", "detail");
        foreach (var violation in audit.Violations.Take(MaxViolationsShown))
        {
            table.AddRow(violation.Kind.ToString(), Markup.Escape(violation.Subject), Markup.Escape(violation.Message));
        }

        if (audit.Violations.Count > MaxViolationsShown)
        {
            table.Caption($"{audit.Violations.Count - MaxViolationsShown} more in the JSON report");
        }

        console.Write(table);
        var counts = string.Join(", ", audit.CountsByKind.Select(pair => $"{pair.Key} × {pair.Value}"));
        console.MarkupLineInterpolated($"[bold red]AUDIT FAILED[/]: {audit.Violations.Count} violation(s): {counts}");
    }

    private static string Feature(FeatureSupport support) => support switch
    {
        FeatureSupport.Supported => "supported",
        FeatureSupport.Missing => "[yellow]route missing, skipped[/]",
        _ => "not exercised",
    };

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pads to <paramref name="scale"/> decimals so that a column of amounts lines up (1000 → 1000.00).</summary>
    private static string Amount(decimal amount, int scale) =>
        amount.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int DisplayScale(LoadTestReport report)
    {
        const int MaxScale = 8;
        var amounts = report.Audit.Wallets
            .SelectMany(w => new[] { w.Deposited, w.Debited, w.Refunded, w.Balance ?? 0, w.Reserved ?? 0 })
            .Append(report.Amount)
            .Append(report.Deposit);
        return Math.Min(MaxScale, amounts.Max(a => (int)a.Scale));
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture);
}
