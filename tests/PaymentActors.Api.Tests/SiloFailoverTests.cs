using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Testing.Cluster;
using PaymentActors.Wallets;
using Xunit.Abstractions;

namespace PaymentActors.Api.Tests;

/// <summary>
/// Issue #22's silo lost under load: 64 concurrent payments on one wallet through the client-mode front door (half of
/// them waiting for their outcome), and the silo holding the wallet grain is stopped while they are in flight — killed
/// (SIGKILL, a crash) or told to stop (SIGTERM, a rolling restart). Clients never see an error: the front door repeats
/// what the lost silo left unanswered. Every payment the front door accepted ends on the remaining silos, money is
/// conserved to the cent, each completed payment was charged once, and the silo leaves the membership table.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(ClientModeApiFixture api, ITestOutputHelper output)
{
    private const int Payments = 64;
    private const decimal Deposit = 500.00m;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Issue #22: a silo told to stop is out of the membership table, and its process gone, within this.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    /// <summary>A careful caller's pause before it asks again, so 64 of them do not flood a cluster that is recovering.</summary>
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>A client's own timeout: every request is answered before it (the front door repeats for 20 s at most).</summary>
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(30);

    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Killing_the_silo_of_a_hot_wallet_mid_run_answers_every_request_and_ends_every_payment_with_money_conserved()
    {
        var run = await PayThroughAsync(
            victim =>
            {
                victim.Kill();
                return Task.CompletedTask;
            },
            "killed");

        // A crashed silo cannot say goodbye: the others vote it dead.
        Assert.True(run.OutOfMembership < RecoveryTimeout, $"the killed silo was declared dead after {run.OutOfMembership}");
    }

    [Fact]
    public async Task Stopping_the_silo_of_a_hot_wallet_mid_run_drains_it_without_an_error_and_ends_every_payment_with_money_conserved()
    {
        var run = await PayThroughAsync(victim => victim.TerminateAsync(), "stopped");

        Assert.True(run.OutOfMembership < DrainTimeout, $"the stopped silo left the membership table after {run.OutOfMembership}");
        Assert.True(run.ProcessGone < DrainTimeout, $"the stopped silo's process ended after {run.ProcessGone}");
    }

    /// <summary>
    /// Three running silos, 64 payments on a hot wallet, and <paramref name="stop"/> applied to the wallet's silo once
    /// charges are under way; asserts everything but how the silo left, and returns how long that took.
    /// </summary>
    private async Task<(TimeSpan OutOfMembership, TimeSpan ProcessGone)> PayThroughAsync(Func<SiloProcess, Task> stop, string stopped)
    {
        var silos = await api.RunningSilosAsync();
        await Eventually.UntilAsync(
            ClusterAsync,
            c => silos.All(s => StatusOf(c, s.Address) == "active"),
            "three silos to be active",
            RecoveryTimeout,
            RetryBackoff);

        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, Deposit.ToString("0.00", CultureInfo.InvariantCulture)), HttpStatusCode.OK);
        var victim = await SiloOfWalletAsync(user, silos);
        output.WriteLine($"The wallet is on {victim.Address}; {silos.Count - 1} other silos.");

        // 5.00 to 12.00 each, 544.00 in all: more than the wallet holds, so some end with insufficient funds. Every
        // other client waits for the outcome (?wait=true), the front door's long call.
        // The mock gateway outlives the tests of this collection: its counts are taken from here on.
        var before = await GatewayStatsAsync();
        var clients = new PaymentClients(_client);
        var run = Task.WhenAll(Enumerable.Range(0, Payments).Select(i => clients.PayAsync(user, 5.00m + (i % 8), wait: i % 2 == 1)));

        // Stop it once the gateway has answered some charges, with most sagas still between their steps.
        var atStop = await Eventually.UntilAsync(GatewayStatsAsync, s => s.Answered >= before.Answered + 8, "charges to be under way", TimeSpan.FromSeconds(60));
        await stop(victim);
        var sinceStop = Stopwatch.StartNew();
        output.WriteLine($"{char.ToUpperInvariant(stopped[0])}{stopped[1..]} {victim.Address} with {atStop.Answered - before.Answered} charges answered and {clients.Accepted.Count} payments accepted.");

        await Eventually.UntilAsync(() => Task.FromResult(victim.HasExited), exited => exited, "the silo's process to end", DrainTimeout, RetryBackoff);
        var processGone = sinceStop.Elapsed;
        await Eventually.UntilAsync(ClusterAsync, c => StatusOf(c, victim.Address) is "dead" or null, "the silo to leave the membership table", DrainTimeout, RetryBackoff);
        var outOfMembership = sinceStop.Elapsed;

        await run.WaitAsync(RecoveryTimeout);
        var accepted = clients.Accepted.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(Payments, accepted.Count);

        // Every accepted payment ends, on the silos that are left.
        var ended = await Eventually.UntilAsync(
            () => clients.ReadAllAsync(accepted.Keys),
            payments => payments.Values.All(p => p.Text("status") is "completed" or "failed"),
            "every accepted payment to end",
            RecoveryTimeout,
            RetryBackoff);
        var allEnded = sinceStop.Elapsed;

        var completed = ended.Values.Where(p => p.Text("status") == "completed").ToList();
        var failed = ended.Values.Where(p => p.Text("status") == "failed").ToList();
        output.WriteLine(
            $"The silo's process ended {processGone.TotalSeconds:0.0} s and it was out of the membership table {outOfMembership.TotalSeconds:0.0} s " +
            $"after it was {stopped}; every accepted payment ended {allEnded.TotalSeconds:0.0} s after. " +
            $"{completed.Count} completed, {failed.Count} failed ({string.Join(", ", failed.GroupBy(p => p.Text("failure_reason")).Select(g => $"{g.Key} {g.Count()}"))}).");
        output.WriteLine(
            $"Answers: {clients.Answers.Count(a => a is >= 200 and < 300)} 2xx, non-2xx {clients.Errors.Count} " +
            $"({string.Join(", ", clients.Errors.GroupBy(e => e).Select(g => $"{g.Key} x{g.Count()}"))}), {clients.ReadErrors} failed reads; " +
            $"the longest answer took {clients.LongestAnswer.TotalSeconds:0.0} s.");

        // Money conserved: the wallet lost exactly what the completed payments took, and holds nothing back.
        var paid = completed.Sum(p => p.Amount("amount"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal((Deposit - paid, 0m), (wallet.Amount("balance"), wallet.Amount("reserved")));
        Assert.All(failed, p => Assert.Contains(p.Text("failure_reason"), new[] { "insufficient_funds", "wallet_unavailable", "gateway_unavailable" }));

        // The gateway took money once for each completed payment and kept none for a failed one.
        foreach (var payment in ended.Values)
        {
            var charge = await ChargeAsync(payment.Text("id"));
            if (payment.Text("status") == "completed")
            {
                Assert.True(charge is { } c && c.Text("status") == "approved" && c.Text("refunded_amount") == "0.00", $"{payment.Text("id")} completed without its one charge: {charge}");
            }
            else
            {
                Assert.True(charge is not { } c || c.Text("status") != "approved" || c.Text("refunded_amount") == c.Text("amount"), $"{payment.Text("id")} failed but kept its charge: {charge}");
            }
        }

        var stats = await GatewayStatsAsync();
        Assert.Equal(completed.Count, (stats.Approved - before.Approved) - (stats.Refunded - before.Refunded));

        // The clients never saw the silo go: no error, no failed read, and every answer well within their timeout.
        Assert.Empty(clients.Errors);
        Assert.Equal(0, clients.ReadErrors);
        Assert.True(clients.LongestAnswer < LongestAnswer, $"the front door took {clients.LongestAnswer} to answer once");
        return (outOfMembership, processGone);
    }

    private async Task<JsonElement> ClusterAsync() => await ApiAssert.SuccessAsync(await _client.GetAsync("/cluster"), HttpStatusCode.OK);

    /// <summary>The silo's status in GET /cluster, or null when the membership table no longer lists it.</summary>
    private static string? StatusOf(JsonElement cluster, string address) =>
        cluster.GetProperty("silos").EnumerateArray().Where(s => s.Text("address") == address).Select(s => s.Text("status")).FirstOrDefault();

    private async Task<SiloProcess> SiloOfWalletAsync(string user, IReadOnlyList<SiloProcess> silos)
    {
        var cluster = api.Services.GetRequiredService<IClusterClient>();
        var address = await cluster.GetGrain<IManagementGrain>(0).GetActivationAddress(cluster.GetGrain<IWalletGrain>(user));
        Assert.NotNull(address);
        return silos.Single(s => s.SiloPort == address.Endpoint.Port);
    }

    private async Task<JsonElement?> ChargeAsync(string paymentId)
    {
        var response = await api.Gateway.GetAsync($"/charges/{Uri.EscapeDataString(paymentId)}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<(long Answered, long Approved, long Refunded)> GatewayStatsAsync()
    {
        var stats = JsonDocument.Parse(await api.Gateway.GetStringAsync("/admin/stats")).RootElement;
        var approved = stats.GetProperty("charges_approved").GetInt64();
        return (approved + stats.GetProperty("charges_declined").GetInt64(), approved, stats.GetProperty("refunds_approved").GetInt64());
    }

    /// <summary>
    /// Clients as a careful caller writes them: each payment has its own Idempotency-Key, and an error (503, a dropped
    /// connection) is retried with the same key until the payment is accepted, so it is created once whatever happens
    /// and the test ends even when the front door lets an error through; every error is counted.
    /// </summary>
    private sealed class PaymentClients(HttpClient client)
    {
        private long _longestTicks;
        private int _readErrors;

        public ConcurrentDictionary<string, JsonElement> Accepted { get; } = new();

        public ConcurrentQueue<string> Errors { get; } = new();

        /// <summary>The status code of every answer to a create or a read.</summary>
        public ConcurrentQueue<int> Answers { get; } = new();

        public int ReadErrors => Volatile.Read(ref _readErrors);

        public TimeSpan LongestAnswer => TimeSpan.FromTicks(Interlocked.Read(ref _longestTicks));

        public async Task PayAsync(string user, decimal amount, bool wait)
        {
            var key = TestIds.Key();
            var accepted = await Eventually.UntilAsync(
                async () =>
                {
                    var (status, body) = await TimedAsync(() => client.CreatePaymentAsync(user, amount.ToString("0.00", CultureInfo.InvariantCulture), wait: wait, idempotencyKey: key));
                    if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
                    {
                        Errors.Enqueue(status is null ? "no answer" : $"{(int)status} {ErrorCode(body)}");
                    }

                    return (status, body);
                },
                answer => answer.status is HttpStatusCode.Accepted or HttpStatusCode.OK,
                $"payment {key} to be accepted",
                RecoveryTimeout,
                RetryBackoff);
            var payment = JsonDocument.Parse(accepted.body).RootElement.GetProperty("data");
            Accepted[payment.Text("id")] = payment;
        }

        public async Task<Dictionary<string, JsonElement>> ReadAllAsync(IEnumerable<string> ids)
        {
            var read = new Dictionary<string, JsonElement>();
            foreach (var id in ids)
            {
                var (status, body) = await TimedAsync(() => client.GetPaymentAsync(id));
                if (status != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _readErrors);
                    read[id] = JsonDocument.Parse("""{"status":"unknown"}""").RootElement;
                    continue;
                }

                read[id] = JsonDocument.Parse(body).RootElement.GetProperty("data");
            }

            return read;
        }

        private async Task<(HttpStatusCode? Status, string Body)> TimedAsync(Func<Task<HttpResponseMessage>> call)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await call();
                Answers.Enqueue((int)response.StatusCode);
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return (null, "");
            }
            finally
            {
                var ticks = watch.Elapsed.Ticks;
                long seen;
                while (ticks > (seen = Interlocked.Read(ref _longestTicks)) && Interlocked.CompareExchange(ref _longestTicks, ticks, seen) != seen)
                {
                }
            }
        }

        private static string ErrorCode(string body)
        {
            try
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("error").Text("code");
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return "(no envelope)";
            }
        }
    }
}
