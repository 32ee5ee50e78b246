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
/// Issue #9's silo lost under load: 64 concurrent payments on one wallet through the client-mode front door, and the
/// silo holding the wallet grain is killed (SIGKILL) while they are in flight. Every payment the front door accepted
/// ends on the remaining silos, money is conserved to the cent, each completed payment was charged once, the dead
/// silo is reported dead, and the front door kept answering (errors while the cluster noticed, never a hang).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(ClientModeApiFixture api, ITestOutputHelper output)
{
    private const int Payments = 64;
    private const decimal Deposit = 500.00m;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A careful caller's pause before it asks again, so 64 of them do not flood a cluster that is recovering.</summary>
    private static readonly TimeSpan RetryBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>Under Orleans's 30 s default: the front door's own response timeout (Orleans:ResponseTimeout, 10 s) plus slack for a busy machine.</summary>
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(20);

    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Killing_the_silo_of_a_hot_wallet_mid_run_ends_every_accepted_payment_with_money_conserved_and_one_charge_each()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, Deposit.ToString("0.00", CultureInfo.InvariantCulture)), HttpStatusCode.OK);
        var victim = await SiloOfWalletAsync(user);
        var survivors = api.Silos.Where(s => s != victim && !s.HasExited).ToList();
        Assert.True(survivors.Count >= 2, "the cluster needs two silos besides the victim");
        output.WriteLine($"The wallet is on {victim.Address}; {survivors.Count} other silos.");

        // 5.00 to 12.00 each, 544.00 in all: more than the wallet holds, so some end with insufficient funds.
        var clients = new PaymentClients(_client);
        var run = Task.WhenAll(Enumerable.Range(0, Payments).Select(i => clients.PayAsync(user, 5.00m + (i % 8))));

        // Kill it once the gateway has answered some charges, with most sagas still between their steps.
        var atKill = await Eventually.UntilAsync(GatewayStatsAsync, s => s.Answered >= 8, "charges to be under way", TimeSpan.FromSeconds(60));
        victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        output.WriteLine($"Killed {victim.Address} with {atKill.Answered} charges answered and {clients.Accepted.Count} payments accepted.");

        // While the cluster has not yet noticed, the cluster-wide summary answers (its figures, or a 503 in the envelope
        // when a partition's collector was on the dead silo) instead of hanging.
        var summaryTimer = Stopwatch.StartNew();
        var summary = await _client.GetAsync("/metrics/summary");
        Assert.True(summary.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"/metrics/summary answered {summary.StatusCode}");
        if (summary.StatusCode != HttpStatusCode.OK) await ApiAssert.ErrorAsync(summary, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.True(summaryTimer.Elapsed < LongestAnswer, $"/metrics/summary took {summaryTimer.Elapsed} while a silo was dying");

        var dead = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/cluster"), HttpStatusCode.OK),
            c => c.GetProperty("silos").EnumerateArray().Any(s => s.Text("address") == victim.Address && s.Text("status") == "dead"),
            "the killed silo to be reported dead",
            RecoveryTimeout);
        var declaredDead = sinceKill.Elapsed;
        Assert.All(survivors, s => Assert.Contains(dead.GetProperty("silos").EnumerateArray(), m => m.Text("address") == s.Address && m.Text("status") == "active"));

        await run.WaitAsync(RecoveryTimeout);
        var accepted = clients.Accepted.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(Payments, accepted.Count);

        // Every accepted payment ends, on the silos that are left.
        var ended = await Eventually.UntilAsync(
            () => clients.ReadAllAsync(accepted.Keys),
            payments => payments.Values.All(p => p.Text("status") is "completed" or "failed"),
            "every accepted payment to end",
            RecoveryTimeout);
        var allEnded = sinceKill.Elapsed;

        var completed = ended.Values.Where(p => p.Text("status") == "completed").ToList();
        var failed = ended.Values.Where(p => p.Text("status") == "failed").ToList();
        output.WriteLine(
            $"Failover: dead after {declaredDead.TotalSeconds:0.0} s; every accepted payment ended {allEnded.TotalSeconds:0.0} s after the kill. " +
            $"{completed.Count} completed, {failed.Count} failed ({string.Join(", ", failed.GroupBy(p => p.Text("failure_reason")).Select(g => $"{g.Key} {g.Count()}"))}).");
        output.WriteLine(
            $"Clients saw {clients.Errors.Count} errors while creating ({string.Join(", ", clients.Errors.GroupBy(e => e).Select(g => $"{g.Key} x{g.Count()}"))}) " +
            $"and {clients.ReadErrors} while reading; the longest answer took {clients.LongestAnswer.TotalSeconds:0.0} s.");

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
        Assert.Equal(completed.Count, stats.Approved - stats.Refunded);
        Assert.True(clients.LongestAnswer < LongestAnswer, $"the front door took {clients.LongestAnswer} to answer once");
    }

    private async Task<SiloProcess> SiloOfWalletAsync(string user)
    {
        var cluster = api.Services.GetRequiredService<IClusterClient>();
        var address = await cluster.GetGrain<IManagementGrain>(0).GetActivationAddress(cluster.GetGrain<IWalletGrain>(user));
        Assert.NotNull(address);
        return api.Silos.Single(s => s.SiloPort == address.Endpoint.Port);
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
    /// connection) is retried with the same key until the payment is accepted, so it is created once whatever happens.
    /// </summary>
    private sealed class PaymentClients(HttpClient client)
    {
        private long _longestTicks;
        private int _readErrors;

        public ConcurrentDictionary<string, JsonElement> Accepted { get; } = new();

        public ConcurrentQueue<string> Errors { get; } = new();

        public int ReadErrors => Volatile.Read(ref _readErrors);

        public TimeSpan LongestAnswer => TimeSpan.FromTicks(Interlocked.Read(ref _longestTicks));

        public async Task PayAsync(string user, decimal amount)
        {
            var key = TestIds.Key();
            var accepted = await Eventually.UntilAsync(
                async () =>
                {
                    var (status, body) = await TimedAsync(() => client.CreatePaymentAsync(user, amount.ToString("0.00", CultureInfo.InvariantCulture), idempotencyKey: key));
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
