using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace PaymentActors.Cli.Tests.Monitor;

/// <summary>
/// The step monitor in a real terminal: `pay` and `watch` typed into tmux, their screens and exit codes checked
/// for a completed, a declined and an insufficient-funds payment.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class PaymentMonitorTerminalTests(MonitoredSystem system, ITestOutputHelper output) : IClassFixture<MonitoredSystem>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Pay_shows_each_step_of_a_completed_payment_then_the_final_balance_and_exits_0()
    {
        var user = await FundedUserAsync("100.00");

        var (screen, exitCode) = await PayAsync(user, "30.00");

        Assert.Equal(0, exitCode);
        Assert.Contains("Initial balance  100.00 USD", screen);
        AssertStepsInOrder(screen, "payment.initiated", "wallet.funds_reserved", "gateway.payment_approved", "wallet.funds_deducted", "payment.completed");
        Assert.Contains("the gateway approved the charge", screen);
        Assert.Contains("Payment completed", screen);
        Assert.Contains("Status           completed", screen);
        Assert.Contains("Final balance    70.00 USD", screen);
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3}\s+\+\d+ ms", screen);

        // The trace id of the request that created the payment, to look for in the logs and traces.
        var paymentId = System.Text.RegularExpressions.Regex.Match(screen, @"Payment id\s+(\S+)").Groups[1].Value;
        var traceId = System.Text.RegularExpressions.Regex.Match(screen, @"Trace id\s+([0-9a-f]{32})\b").Groups[1].Value;
        Assert.NotEmpty(traceId);
        var created = JsonDocument.Parse(await system.Client.GetStringAsync($"payments/{paymentId}/events")).RootElement.GetProperty("data")[0];
        Assert.Equal(traceId, created.GetProperty("trace_id").GetString());

        // watch replays the same payment from its history, with the same ending.
        var (watched, watchExit) = await system.Terminal.RunAsync(system.Cli($"watch {paymentId} --url {system.ApiAddress}"), CommandTimeout, MonitoredSystem.TokenOf(user));
        output.WriteLine(watched);
        Assert.Equal(0, watchExit);
        AssertStepsInOrder(watched, "payment.initiated", "wallet.funds_reserved", "gateway.payment_approved", "wallet.funds_deducted", "payment.completed");
        Assert.Contains("Final balance    70.00 USD", watched);
        Assert.Contains($"Trace id         {traceId}", watched);
    }

    [Fact]
    public async Task Pay_shows_a_declined_payment_released_and_exits_1()
    {
        var user = await FundedUserAsync("100.00");
        await SetGatewayFailRateAsync(1);
        try
        {
            var (screen, exitCode) = await PayAsync(user, "30.00");

            Assert.Equal(1, exitCode);
            AssertStepsInOrder(screen, "payment.initiated", "wallet.funds_reserved", "gateway.payment_rejected", "wallet.funds_released", "payment.failed");
            Assert.Contains("the gateway declined the charge", screen);
            Assert.Contains("Status           failed", screen);
            Assert.Contains("Failure reason   gateway_rejected", screen);
            Assert.Contains("Final balance    100.00 USD", screen);
            Assert.DoesNotContain("wallet.funds_deducted", screen);
        }
        finally
        {
            await SetGatewayFailRateAsync(0);
        }
    }

    [Fact]
    public async Task Pay_shows_insufficient_funds_and_exits_1()
    {
        var user = await FundedUserAsync("10.00");

        var (screen, exitCode) = await PayAsync(user, "50.00");

        Assert.Equal(1, exitCode);
        Assert.Contains("Initial balance  10.00 USD", screen);
        AssertStepsInOrder(screen, "payment.initiated", "wallet.reservation_failed", "payment.failed");
        Assert.Contains("Failure reason   insufficient_funds", screen);
        Assert.Contains("Final balance    10.00 USD", screen);
        Assert.DoesNotContain("gateway.payment", screen);
    }

    [Fact]
    public async Task A_usage_error_or_a_refused_request_exits_2_and_an_unreachable_api_exits_3()
    {
        var (usage, usageExit) = await system.Terminal.RunAsync(system.Cli($"pay --amount 5.00 --url {system.ApiAddress}"), CommandTimeout);
        Assert.Equal(2, usageExit);
        Assert.Contains("--user", usage);

        var user = await FundedUserAsync("10.00");
        var (refused, refusedExit) = await system.Terminal.RunAsync(
            system.Cli($"pay --user {user} --amount 5.00 --currency XYZ --url {system.ApiAddress}"), CommandTimeout, MonitoredSystem.TokenOf(user));
        Assert.Equal(2, refusedExit);
        Assert.Contains("validation_error", refused);

        var (anonymous, anonymousExit) = await system.Terminal.RunAsync(
            system.Cli($"pay --user {user} --amount 5.00 --url {system.ApiAddress}"), CommandTimeout, MonitoredSystem.TokenOf(null));
        Assert.Equal(2, anonymousExit);
        Assert.Contains("401", anonymous);

        var (unreachable, unreachableExit) = await system.Terminal.RunAsync(system.Cli("pay --user someone --amount 5.00 --url http://127.0.0.1:9/"), CommandTimeout);
        Assert.Equal(3, unreachableExit);
        Assert.Contains("Cannot reach the API", unreachable);
    }

    [Fact]
    public async Task The_api_json_logs_and_events_carry_the_trace_of_the_request_and_the_logs_its_span_and_payment_ids()
    {
        var user = await FundedUserAsync("20.00");
        var token = PaymentActors.Testing.TestTokens.User(user);
        using var userClient = PaymentActors.Testing.TestTokens.Client(system.ApiAddress, token);
        var created = await userClient.PostAsJsonAsync("payments?wait=true", new { user_id = user, service_id = "svc", amount = "5.00", currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var paymentId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("id").GetString()!;
        var traceId = Assert.Single(created.Headers.GetValues("X-Trace-Id"));

        // Nothing is exported here (no OTLP endpoint), yet the trace id reaches the events as well as the logs.
        var events = JsonDocument.Parse(await userClient.GetStringAsync($"payments/{paymentId}/events")).RootElement.GetProperty("data");
        Assert.All(events.EnumerateArray(), e => Assert.Equal(traceId, e.GetProperty("trace_id").GetString()));

        // The payment's ending is logged (debug) inside its grain call: JSON, with the scopes as fields.
        var line = await PaymentActors.Testing.Eventually.UntilAsync(
            () => Task.FromResult(system.Api.Lines.FirstOrDefault(l =>
                l.StartsWith('{') && l.Contains("\"EventId\":2006", StringComparison.Ordinal) && l.Contains(paymentId, StringComparison.Ordinal))),
            found => found is not null,
            "a JSON log line about the payment");
        using var log = JsonDocument.Parse(line!);
        var scopes = log.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, scope => scope.TryGetProperty("PaymentId", out var id) && id.GetString() == paymentId);
        Assert.Contains(scopes, scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        Assert.Contains(scopes, scope => scope.TryGetProperty("SpanId", out var id) && id.GetString()!.Length == 16);
        Assert.All(system.Api.Lines.Where(l => l.StartsWith('{')), l => JsonDocument.Parse(l).Dispose());

        // The wallet's writes (debug) are logged inside its grain calls: with the user id as a field, and a trace.
        var walletLine = await PaymentActors.Testing.Eventually.UntilAsync(
            () => Task.FromResult(system.Api.Lines.FirstOrDefault(l =>
                l.StartsWith('{') && l.Contains("\"EventId\":1004", StringComparison.Ordinal) && l.Contains($"\"UserId\":\"{user}\"", StringComparison.Ordinal))),
            found => found is not null,
            "a JSON log line about the wallet's write");
        using var walletLog = JsonDocument.Parse(walletLine!);
        var walletScopes = walletLog.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(walletScopes, scope => scope.TryGetProperty("UserId", out var id) && id.GetString() == user);
        Assert.Contains(walletScopes, scope => scope.TryGetProperty("TraceId", out var id) && id.GetString()!.Length == 32);

        // No token in the logs, neither this request's nor any other.
        Assert.DoesNotContain(system.Api.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains("Bearer", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<(string Screen, int ExitCode)> PayAsync(string user, string amount)
    {
        var (screen, exitCode) = await system.Terminal.RunAsync(
            system.Cli($"pay --user {user} --amount {amount} --url {system.ApiAddress}"), CommandTimeout, MonitoredSystem.TokenOf(user));
        output.WriteLine(screen);
        return (screen, exitCode);
    }

    private async Task<string> FundedUserAsync(string deposit)
    {
        var user = "user-" + Guid.NewGuid().ToString("N");
        var response = await system.Client.PostAsJsonAsync($"wallets/{user}/deposits", new { amount = deposit, currency = "USD" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return user;
    }

    private async Task SetGatewayFailRateAsync(double rate)
    {
        var response = await system.Gateway.PostAsJsonAsync("admin/behaviour", new { fail_rate = rate });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static void AssertStepsInOrder(string screen, params string[] steps)
    {
        var positions = steps.Select(step => (Step: step, At: screen.IndexOf(" " + step + " ", StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.At >= 0, $"{p.Step} is not on the screen:\n{screen}"));
        Assert.Equal(positions.OrderBy(p => p.At).Select(p => p.Step), steps);
    }
}
