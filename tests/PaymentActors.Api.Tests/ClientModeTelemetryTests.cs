using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaymentActors.Api.Tests;

/// <summary>
/// What an operator sees of a cluster of silo processes from the client-mode front door: the storage requests the
/// silos send, summed in /metrics/summary (and each silo's own Prometheus text), and one trace per payment across the
/// process boundary.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClientModeTelemetryTests(ClientModeApiFixture api)
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task The_summary_counts_the_storage_requests_every_silo_sends()
    {
        var before = await StorageAsync();
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));

        // Each live silo's own counter, read before the summary: the summary (counters only grow) holds at least their sum.
        var alive = api.Silos.Where(s => !s.HasExited).ToList();
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        long silosGrainStateWrites = 0;
        foreach (var silo in alive)
        {
            silosGrainStateWrites += SumOf(await scraper.GetStringAsync(silo.MetricsUrl), "paymentactors_storage_writes_total", "grain_state");
        }

        var summary = await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK);
        var after = summary.GetProperty("storage");
        Assert.True(summary.GetProperty("events").GetProperty("silos").GetInt32() >= alive.Count, summary.GetProperty("events").ToString());

        // The payment's state and the wallet's were written by silos: the front door in client mode writes none itself.
        Assert.True(GrainStateWrites(after) - GrainStateWrites(before) >= 1, after.ToString());
        Assert.True(Writes(after, "wallets") - Writes(before, "wallets") >= 1, after.ToString());
        Assert.True(silosGrainStateWrites >= 1);
        Assert.True(GrainStateWrites(after) >= silosGrainStateWrites, $"summary {GrainStateWrites(after)} < silos' own {silosGrainStateWrites}");
        var frontDoorOwn = await _client.GetStringAsync("/metrics");
        Assert.Equal(0, SumOf(frontDoorOwn, "paymentactors_storage_writes_total", "grain_state"));

        // Every live silo answered, and the front door added its own (membership reads for the gateway list).
        Assert.True(after.GetProperty("processes").GetInt32() >= alive.Count + 1, after.ToString());
        Assert.Equal(
            after.GetProperty("reads").GetInt64() + after.GetProperty("writes").GetInt64(),
            after.GetProperty("requests").EnumerateArray().Sum(r => r.GetProperty("count").GetInt64()));
        Assert.Contains(after.GetProperty("requests").EnumerateArray(), r => r.Text("service") == "clustering" && r.Text("kind") == "read");
    }

    [Fact]
    public async Task A_payments_trace_crosses_from_the_front_door_into_the_silos()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.00"), HttpStatusCode.OK);

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments?wait=true")
        {
            Content = new StringContent($$"""{"user_id":"{{user}}","service_id":"service-1","amount":"2.00","currency":"USD"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        // As an outside client: this process's HttpClient would otherwise put its own traceparent in.
        using var outside = PaymentActors.Testing.TestTokens.Client(
            api.BaseAddress, PaymentActors.Testing.TestTokens.User(user), handler: new SocketsHttpHandler { ActivityHeadersPropagator = null });
        var payment = await ApiAssert.SuccessAsync(await outside.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));

        // The events are written by the payment grain in a silo process: they name the trace the front door continued.
        var events = await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{payment.Text("id")}/events"), HttpStatusCode.OK);
        Assert.NotEmpty(events.EnumerateArray());
        Assert.All(events.EnumerateArray(), e => Assert.Equal(traceId.ToHexString(), e.Text("trace_id")));
    }

    private async Task<JsonElement> StorageAsync() =>
        (await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK)).GetProperty("storage");

    private static long GrainStateWrites(JsonElement storage) => Writes(storage, "grain_state");

    private static long Writes(JsonElement storage, string service) => storage.GetProperty("requests").EnumerateArray()
        .Where(r => r.Text("service") == service && r.Text("kind") == "write")
        .Sum(r => r.GetProperty("count").GetInt64());

    /// <summary>The sum of a Prometheus counter's series whose service label is <paramref name="service"/>.</summary>
    private static long SumOf(string prometheusText, string family, string service) => prometheusText.Split('\n')
        .Where(line => line.StartsWith(family + "{", StringComparison.Ordinal) && line.Contains($"service=\"{service}\"", StringComparison.Ordinal))
        .Sum(line => (long)double.Parse(SampleValue().Match(line).Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\}\s+(\S+)")]
    private static partial Regex SampleValue();
}
