using System.Globalization;
using PaymentActors.Cli.Api;
using Spectre.Console;

namespace PaymentActors.Cli.Monitor;

/// <summary>
/// Seed 002's step monitor: follows one payment through its events as they happen (polling the event history),
/// printing each step with its time, then the final status and balance. Returns a <see cref="MonitorExitCodes"/> value.
/// </summary>
internal sealed class PaymentMonitor(IAnsiConsole console, PaymentApiClient api, TimeSpan pollInterval, TimeSpan timeout)
{
    private readonly bool _unicode = console.Profile.Capabilities.Unicode;

    public async Task<int> PayAsync(PaymentBody payment, CancellationToken cancellationToken)
    {
        console.Write(new Rule("[bold]PaymentActors · payment monitor[/]").LeftJustified());
        console.MarkupLineInterpolated($"Payment          [bold]{PaymentSteps.Money(payment.Amount, payment.Currency)}[/] from [blue]{payment.UserId}[/] to [blue]{payment.ServiceId}[/]");

        var wallet = await api.GetWalletAsync(payment.UserId, cancellationToken).ConfigureAwait(false);
        if (Refused(wallet, "reading the wallet", allowNotFound: true) is { } refused)
        {
            return refused;
        }

        console.MarkupLineInterpolated($"Initial balance  {DescribeWallet(wallet)}");

        // A fresh key: should the answer be lost, the same key would replay rather than pay twice.
        var created = await api.CreatePaymentAsync(payment, "monitor-" + Guid.NewGuid().ToString("N"), wait: false, cancellationToken).ConfigureAwait(false);
        if (Refused(created, "creating the payment", allowNotFound: false) is { } notCreated)
        {
            return notCreated;
        }

        return await FollowAsync(created.Data!.Id, payment.UserId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> WatchAsync(string paymentId, CancellationToken cancellationToken)
    {
        console.Write(new Rule("[bold]PaymentActors · payment monitor[/]").LeftJustified());
        var found = await api.GetPaymentAsync(paymentId, cancellationToken).ConfigureAwait(false);
        if (Refused(found, "reading the payment", allowNotFound: false) is { } refused)
        {
            return refused;
        }

        var payment = found.Data!;
        console.MarkupLineInterpolated($"Payment          [bold]{PaymentSteps.Money(payment.Amount, payment.Currency)}[/] from [blue]{payment.UserId}[/] to [blue]{payment.ServiceId ?? "?"}[/]");
        return await FollowAsync(paymentId, payment.UserId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> FollowAsync(string paymentId, string userId, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"Payment id       [blue]{paymentId}[/]");
        console.WriteLine();

        var shown = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? start = null;
        var deadline = DateTimeOffset.UtcNow + timeout;
        string? unreachable = null;
        while (true)
        {
            var events = await api.GetEventsAsync(paymentId, cancellationToken).ConfigureAwait(false);
            if (events.StatusCode == 0)
            {
                // The API may come back (a restart): keep asking until the deadline.
                unreachable = events.TransportError;
            }
            else if (Refused(events, "reading the events", allowNotFound: false) is { } refused)
            {
                return refused;
            }
            else
            {
                unreachable = null;
                foreach (var step in events.Data!.OrderBy(e => e.OccurredAt).Where(e => shown.Add(e.Id)))
                {
                    start ??= step.OccurredAt;
                    ShowStep(step, step.OccurredAt - start.Value);
                }

                if (events.Data!.FirstOrDefault(e => PaymentSteps.IsEnding(e.Type)) is not null)
                {
                    // The trace of the request that created the payment: the same id is in the API's logs and traces.
                    var traceId = events.Data!.OrderBy(e => e.OccurredAt).First().TraceId;
                    return await ShowEndingAsync(paymentId, userId, traceId, cancellationToken).ConfigureAwait(false);
                }
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                console.WriteLine();
                if (unreachable is not null)
                {
                    console.MarkupLineInterpolated($"[red]The API stopped answering: {unreachable}[/]");
                    return MonitorExitCodes.ApiUnreachable;
                }

                console.MarkupLineInterpolated($"[yellow]The payment has not ended after {timeout.TotalSeconds:0.#} s; watch it again with: watch {paymentId}[/]");
                return MonitorExitCodes.NotCompleted;
            }

            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void ShowStep(PaymentEventView step, TimeSpan sinceStart)
    {
        var mark = PaymentSteps.IsSetback(step.Type) ? (_unicode ? "✗" : "x") : (_unicode ? "✓" : "+");
        var colour = PaymentSteps.IsSetback(step.Type) ? "red" : "green";
        var time = step.OccurredAt.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var offset = "+" + sinceStart.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
        console.MarkupLine(
            $"  {time}  {Markup.Escape(offset),9}  [{colour}]{mark} {Markup.Escape(step.Type),-26}[/] {Markup.Escape(PaymentSteps.Describe(step))}");
    }

    private async Task<int> ShowEndingAsync(string paymentId, string userId, string? traceId, CancellationToken cancellationToken)
    {
        var payment = await api.GetPaymentAsync(paymentId, cancellationToken).ConfigureAwait(false);
        var wallet = await api.GetWalletAsync(userId, cancellationToken).ConfigureAwait(false);
        var status = payment.Data?.Status ?? "unknown";
        var completed = PaymentStatuses.IsDebited(status);

        console.WriteLine();
        console.Write(new Rule(completed ? "[green bold]Payment completed[/]" : $"[red bold]Payment {Markup.Escape(status)}[/]").LeftJustified());
        console.MarkupLineInterpolated($"Status           [bold]{status}[/]");
        if (payment.Data?.FailureReason is { } reason)
        {
            console.MarkupLineInterpolated($"Failure reason   {reason}");
        }

        console.MarkupLineInterpolated($"Final balance    {DescribeWallet(wallet)}");
        if (traceId is not null)
        {
            console.MarkupLineInterpolated($"Trace id         [blue]{traceId}[/]");
        }

        return completed ? MonitorExitCodes.Completed : MonitorExitCodes.NotCompleted;
    }

    private static string DescribeWallet(ApiResponse<WalletView> wallet) => wallet.Data is { } view
        ? $"{PaymentSteps.Money(view.Balance, view.Currency)} (available {view.Available.ToString(CultureInfo.InvariantCulture)})"
        : wallet.StatusCode == 404 ? "no wallet yet" : $"unknown ({wallet.Describe()})";

    /// <summary>Null when the answer can be used; otherwise says why on the console and returns the exit code.</summary>
    private int? Refused<T>(ApiResponse<T> response, string what, bool allowNotFound)
    {
        if (response.IsSuccess || (allowNotFound && response.StatusCode == 404 && response.HasEnvelope))
        {
            return null;
        }

        if (response.StatusCode == 0)
        {
            console.MarkupLineInterpolated($"[red]Cannot reach the API while {what}: {response.TransportError}[/]");
            return MonitorExitCodes.ApiUnreachable;
        }

        var message = response.Error?.Message ?? "no explanation";
        var field = response.Error?.Field is { } name ? $" (field {name})" : "";
        console.MarkupLineInterpolated($"[red]The API refused {what}: {response.Describe()}: {message}{field}[/]");
        return response.StatusCode >= 500 ? MonitorExitCodes.ApiUnreachable : MonitorExitCodes.Usage;
    }
}
