using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>The front door as a pure Orleans client of silo processes, over real HTTP: the API's happy path, the cluster, the breakers, the dashboard.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClientModeTests(ClientModeApiFixture api)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Deposit_pay_read_refund_and_failure_records_work_through_the_client_front_door()
    {
        var user = TestIds.User();
        var deposit = await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "50.00"), HttpStatusCode.OK);
        Assert.Equal("50.00", deposit.Text("balance"));

        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "20.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        var read = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(payment.Text("id")), HttpStatusCode.OK);
        Assert.Equal("20.00", read.Text("amount"));
        var events = await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{payment.Text("id")}/events"), HttpStatusCode.OK);
        Assert.Contains(events.EnumerateArray(), e => e.Text("type") == "payment.completed");

        // As a careful client: an idempotency key, and a 503 (the refund outlasted the front door's wait on a starved
        // machine; it goes on in its silo) sent again with the same key, which answers the same refund once it is done.
        var refundKey = "rf-" + Guid.NewGuid().ToString("N");
        var sends = 0;
        var refunded = await Eventually.UntilAsync(
            () => { sends++; return _client.RefundAsync(payment.Text("id"), """{"amount": "5.00"}""", refundKey); },
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable,
            "the refund to be answered",
            TimeSpan.FromSeconds(120));
        var refund = await ApiAssert.SuccessAsync(refunded, sends == 1 ? HttpStatusCode.Created : HttpStatusCode.OK);
        Assert.Equal("succeeded", refund.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal(("35.00", "0.00"), (wallet.Text("balance"), wallet.Text("reserved")));

        // An accepted payment without wait: 202, then it completes on whichever silo holds it.
        var accepted = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "5.00"), HttpStatusCode.Accepted);
        await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(accepted.Text("id")), HttpStatusCode.OK),
            p => p.Text("status") == "completed",
            "the accepted payment to complete",
            Timeout);

        var poor = TestIds.User();
        await _client.DepositAsync(poor, "1.00");
        var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(poor, "2.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("insufficient_funds", failed.Text("failure_reason"));
        await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?limit=100"), HttpStatusCode.OK),
            page => page.GetProperty("items").EnumerateArray().Any(e => e.Text("payment_id") == failed.Text("id")),
            "the failed event in the Azure table",
            Timeout);

        await ApiAssert.ErrorAsync(await _client.GetPaymentAsync("pay_missing"), HttpStatusCode.NotFound, "payment_not_found");
    }

    [Fact]
    public async Task Cluster_lists_every_silo_process_as_active_with_its_activations()
    {
        var alive = api.Silos.Where(s => !s.HasExited).Select(s => s.Address).ToHashSet();
        var cluster = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/cluster"), HttpStatusCode.OK),
            c => alive.IsSubsetOf(ActiveSilos(c)),
            "every running silo process to be active",
            Timeout);

        foreach (var silo in cluster.GetProperty("silos").EnumerateArray())
        {
            Assert.Contains(silo.Text("status"), new[] { "active", "joining", "shutting_down", "dead" });
            Assert.True(silo.GetProperty("started_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
            if (silo.Text("status") == "active")
            {
                Assert.True(silo.GetProperty("activations").GetInt32() > 0, silo.ToString());
            }
        }
    }

    [Fact]
    public async Task Gateway_reports_each_silos_breaker_and_the_dashboard_sees_every_silo()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);

        var alive = api.Silos.Where(s => !s.HasExited).Select(s => s.Address).ToHashSet();
        var health = await ApiAssert.SuccessAsync(await _client.GetAsync("/gateway"), HttpStatusCode.OK);
        var silos = health.GetProperty("silos").EnumerateArray().ToList();
        Assert.True(alive.SetEquals(silos.Select(s => s.Text("silo"))), health.ToString());
        Assert.Equal("closed", health.Text("state"));
        Assert.All(silos, s => Assert.Equal("closed", s.Text("state")));
        Assert.Equal(silos.Sum(s => s.GetProperty("total_successes").GetInt64()), health.GetProperty("total_successes").GetInt64());
        Assert.True(health.GetProperty("total_successes").GetInt64() >= 1);

        // The dashboard runs in the front door (a client) and reads every silo through the cluster.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/dashboard/")).StatusCode);
        var counters = await Eventually.UntilAsync(
            async () => JsonDocument.Parse(await _client.GetStringAsync("/dashboard/DashboardCounters")).RootElement,
            c => alive.IsSubsetOf(c.GetProperty("hosts").EnumerateArray().Where(h => h.Text("status") == "Active").Select(h => h.Text("siloAddress"))),
            "the dashboard to list every running silo as active",
            Timeout);
        Assert.True(counters.GetProperty("totalActiveHostCount").GetInt32() >= alive.Count);
    }

    private static HashSet<string> ActiveSilos(JsonElement cluster) =>
        cluster.GetProperty("silos").EnumerateArray().Where(s => s.Text("status") == "active").Select(s => s.Text("address")).ToHashSet();
}
