using System.CommandLine;
using System.Net.Http.Headers;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Commands;
using Spectre.Console;

namespace PaymentActors.Cli.Monitor;

/// <summary>The commands <c>pay</c> and <c>watch</c>: seed 002's step monitor on the terminal.</summary>
internal static class MonitorCommandLine
{
    public const string UrlVariable = "PAYMENTACTORS_URL";
    public const string TokenVariable = "PAYMENTACTORS_TOKEN";

    public static IEnumerable<Command> Build()
    {
        var url = new Option<Uri>("--url")
        {
            Description = $"Base address of the PaymentActors API (default: ${UrlVariable}, else http://127.0.0.1:5080/).",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "http://127.0.0.1:5080/"),
            CustomParser = r => CliValueParsers.ParseUri(r)!,
        };
        var token = new Option<string?>("--token")
        {
            Description = $"Bearer token for the API (default: ${TokenVariable}). Never printed.",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable),
        };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "Give up watching after this long: 30s, 2m (default 60s).",
            CustomParser = CliValueParsers.ParseDuration,
        };
        var interval = new Option<TimeSpan?>("--interval")
        {
            Description = "How often to ask for new steps (default 100ms).",
            CustomParser = CliValueParsers.ParseDuration,
        };
        var user = new Option<string>("--user", "-u") { Description = "The paying user (their wallet).", Required = true };
        var amount = new Option<decimal>("--amount", "-a")
        {
            Description = "Amount, with the currency's decimals: 50.00.",
            Required = true,
            CustomParser = CliValueParsers.ParseDecimal,
        };
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency.", DefaultValueFactory = _ => "USD" };
        var service = new Option<string>("--service") { Description = "The service paid for.", DefaultValueFactory = _ => "cli" };
        var description = new Option<string>("--description") { Description = "Free text kept with the payment.", DefaultValueFactory = _ => "step monitor" };
        var paymentId = new Argument<string>("payment-id") { Description = "The payment to follow." };

        var pay = new Command("pay", "Create a payment and show each of its steps as it happens, then the final status and balance.");
        var watch = new Command("watch", "Show the steps of an existing payment, live until it ends.");
        foreach (var option in new Option[] { url, token, timeout, interval })
        {
            pay.Options.Add(option);
            watch.Options.Add(option);
        }

        foreach (var option in new Option[] { user, amount, currency, service, description })
        {
            pay.Options.Add(option);
        }

        watch.Arguments.Add(paymentId);

        pay.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(url)!, parse.GetValue(token), parse.GetValue(interval), parse.GetValue(timeout),
            monitor => monitor.PayAsync(
                new PaymentBody(parse.GetValue(user)!, parse.GetValue(service)!, parse.GetValue(amount), parse.GetValue(currency)!, parse.GetValue(description)!),
                cancellationToken)));
        watch.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(url)!, parse.GetValue(token), parse.GetValue(interval), parse.GetValue(timeout),
            monitor => monitor.WatchAsync(parse.GetValue(paymentId)!, cancellationToken)));
        return [pay, watch];
    }

    private static async Task<int> RunAsync(Uri url, string? token, TimeSpan? interval, TimeSpan? timeout, Func<PaymentMonitor, Task<int>> run)
    {
        using var httpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrWhiteSpace(token))
        {
            httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        }

        var api = new PaymentApiClient(httpClient, url, requestTimeout: TimeSpan.FromSeconds(15));
        var monitor = new PaymentMonitor(AnsiConsole.Console, api, interval ?? TimeSpan.FromMilliseconds(100), timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            return await run(monitor).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return MonitorExitCodes.NotCompleted;
        }
    }
}
