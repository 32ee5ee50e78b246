using System.Globalization;
using System.Text.Json;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Options;
using PaymentActors.Cli.Reporting;
using PaymentActors.Cli.Running;
using Spectre.Console;

namespace PaymentActors.Cli.Commands;

/// <summary>Runs a load test on the terminal: live progress, then the report tables and the exit code.</summary>
internal static class ConsoleLoadTest
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    public static async Task<int> ExecuteAsync(LoadTestOptions options, FileInfo? reportFile, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        var failures = LoadTestOptionsValidator.Validate(options);
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                console.MarkupLineInterpolated($"[red]{failure}[/]");
            }

            return ExitCodes.CannotRun;
        }

        if (options.Token is null)
        {
            options.Token = await OperatorToken.MintAsync(cancellationToken).ConfigureAwait(false);
            if (options.Token is null)
            {
                console.MarkupLine(
                    "[red]Cannot run: no operator token. Pass --token (or set PAYMENTACTORS_TOKEN), or run from the repository so that " +
                    "`dotnet user-jwts create --project src/PaymentActors.Api --role operator` can mint one.[/]");
                return ExitCodes.CannotRun;
            }
        }

        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (stopSending.IsCancellationRequested)
            {
                return; // second Ctrl+C: let the process end
            }

            e.Cancel = true;
            stopSending.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            // Timeouts are per request inside the runner (they must exceed the API's 10 s wait=true hold).
            using var httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var report = await RunWithProgressAsync(console, options, httpClient, stopSending.Token).ConfigureAwait(false);

            ReportView.Render(console, report);
            if (reportFile is not null)
            {
                await using var stream = reportFile.Create();
                await JsonSerializer.SerializeAsync(stream, report, LoadTestJson.ReportOptions, CancellationToken.None).ConfigureAwait(false);
                console.MarkupLineInterpolated($"Report written to [blue]{reportFile.FullName}[/]");
            }

            return report.Passed ? ExitCodes.Passed : ExitCodes.AuditFailed;
        }
        catch (LoadTestSetupException exception)
        {
            console.MarkupLineInterpolated($"[red]Cannot run: {exception.Message}[/]");
            return ExitCodes.CannotRun;
        }
        catch (OperationCanceledException) when (stopSending.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Stopped during setup; nothing was sent.[/]");
            return ExitCodes.CannotRun;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static Task<LoadTestReport> RunWithProgressAsync(
        IAnsiConsole console, LoadTestOptions options, HttpClient httpClient, CancellationToken stopSending)
    {
        var sink = new LatestProgress();
        if (!console.Profile.Capabilities.Interactive)
        {
            return RunWithProgressLinesAsync(options, httpClient, sink, stopSending);
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var sending = context.AddTask("Sending", maxValue: 1);
                var settling = context.AddTask("Settling", maxValue: 1);
                var run = LoadTestRunner.RunAsync(options, httpClient, sink, stopSending);
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(RefreshInterval, CancellationToken.None)).ConfigureAwait(false);
                    if (sink.Latest is { } snapshot)
                    {
                        Update(sending, settling, snapshot, options);
                    }
                }

                var report = await run.ConfigureAwait(false);
                sending.Value = sending.MaxValue;
                settling.Value = settling.MaxValue;
                return report;
            });
    }

    /// <summary>Without a terminal (CI, a pipe) a live bar shows nothing: print a line every few seconds instead.</summary>
    private static async Task<LoadTestReport> RunWithProgressLinesAsync(
        LoadTestOptions options, HttpClient httpClient, LatestProgress sink, CancellationToken stopSending)
    {
        var run = LoadTestRunner.RunAsync(options, httpClient, sink, stopSending);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(LineInterval, CancellationToken.None)).ConfigureAwait(false);
            if (!run.IsCompleted && sink.Latest is { } p)
            {
                // Plain Console: Spectre would wrap the line at its 80-column default when there is no terminal.
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"[{p.Phase.ToString().ToLowerInvariant()}] {p.Elapsed.TotalSeconds:0.0} s: sent {p.Sent}, accepted {p.Accepted}, " +
                    $"rejected {p.Rejected}, completed {p.Completed}, not completed {p.Failed}, in flight {p.Outstanding}, no answer {p.TransportErrors}"));
            }
        }

        return await run.ConfigureAwait(false);
    }

    private static void Update(ProgressTask sending, ProgressTask settling, LoadTestProgress snapshot, LoadTestOptions options)
    {
        var phase = snapshot.Phase.ToString().ToLowerInvariant();
        if (options.Duration is { } duration)
        {
            sending.MaxValue = duration.TotalSeconds;
            sending.Value = snapshot.Phase == RunPhase.Load ? Math.Min(snapshot.Elapsed.TotalSeconds, duration.TotalSeconds) : sending.Value;
        }
        else
        {
            sending.MaxValue = Math.Max(1, snapshot.Target);
            sending.Value = snapshot.Sent;
        }

        sending.Description = Markup.Escape(
            $"[{phase}] sent {snapshot.Sent} accepted {snapshot.Accepted} rejected {snapshot.Rejected} no-answer {snapshot.TransportErrors}");
        settling.MaxValue = Math.Max(1, snapshot.Accepted);
        settling.Value = snapshot.Completed + snapshot.Failed;
        settling.Description = Markup.Escape(
            $"completed {snapshot.Completed} not completed {snapshot.Failed} in flight {snapshot.Outstanding}");
        if (snapshot.Phase >= RunPhase.Drain)
        {
            sending.Value = sending.MaxValue;
        }
    }
}
