using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaymentActors.Testing.Telemetry;
using PaymentActors.Testing.Telemetry.Otlp;
using Xunit.Abstractions;

namespace PaymentActors.Api.Tests;

/// <summary>
/// What an operator sees of a cluster of silo processes from the client-mode front door: the storage requests the
/// silos send, summed in /metrics/summary (and each silo's own Prometheus text), and one trace per payment across the
/// process boundaries, as the processes export it over OTLP.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClientModeTelemetryTests(ClientModeApiFixture api, ITestOutputHelper output)
{
    private const string ApiService = "paymentactors-api";
    private const string SiloService = "paymentactors-silo";
    private const string GatewayService = "paymentactors-mock-gateway";

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

    /// <summary>
    /// One payment's trace as every process exported it over OTLP: the front door's span, the saga's grain calls in a
    /// silo process under it, the silo's HTTP call to the gateway and the mock gateway's span under that, parent
    /// links intact across the three kinds of process; and the events name the same trace.
    /// </summary>
    [Fact]
    public async Task A_payments_trace_crosses_from_the_front_door_into_the_silos_and_the_gateway()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.00"), HttpStatusCode.OK);

        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var clientSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments?wait=true")
        {
            Content = new StringContent($$"""{"user_id":"{{user}}","service_id":"service-1","amount":"2.00","currency":"USD"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");

        // As an outside client: this process's HttpClient would otherwise put its own traceparent in.
        using var outside = PaymentActors.Testing.TestTokens.Client(
            api.BaseAddress, PaymentActors.Testing.TestTokens.User(user), handler: new SocketsHttpHandler { ActivityHeadersPropagator = null });
        var payment = await ApiAssert.SuccessAsync(await outside.SendAsync(request), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));

        // Each process exports its spans in batches as they end, a parent after its children: wait for the last step's
        // span from a silo, the gateway's from the gateway, the front door's, and every parent of them all.
        var spans = await PaymentActors.Testing.Eventually.UntilAsync(
            () => Task.FromResult(api.Traces.OfTrace(traceId)),
            found => found.Any(s => IsServer(s, "IWalletGrain/ConfirmAsync") && s.ExportedBy.Contains(SiloService))
                && found.Any(s => IsServer(s, "POST /charges") && s.ExportedBy.Contains(GatewayService))
                && found.Any(s => IsServer(s, "POST /payments/") && s.ExportedBy.Contains(ApiService))
                && found.All(s => s.ParentSpanId == clientSpanId || found.Any(parent => parent.SpanId == s.ParentSpanId)),
            "the payment's spans from the front door, a silo and the mock gateway, with every parent");
        output.WriteLine(Tree(spans));

        // The front door's span is the root, child of the caller's; every other span's parent is in the trace.
        var root = Assert.Single(spans, s => IsServer(s, "POST /payments/"));
        Assert.Equal(clientSpanId, root.ParentSpanId);
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        Assert.All(spans.Where(s => s != root), s => Assert.True(s.ParentSpanId is not null && ids.Contains(s.ParentSpanId), $"{s.Name}: parent {s.ParentSpanId} is not in the trace"));

        // The front door calls the payment grain; the call is served in a silo process, and the saga runs there.
        var createCall = Assert.Single(spans, s => s.Name == "IPaymentGrain/CreateAndWaitAsync" && s.Kind == SpanKind.Client);
        var create = Assert.Single(spans, s => IsServer(s, "IPaymentGrain/CreateAndWaitAsync"));
        Assert.Contains(ApiService, createCall.ExportedBy);
        Assert.Equal(root.SpanId, createCall.ParentSpanId);
        Assert.Equal(SiloService, create.Service);
        Assert.Equal(createCall.SpanId, create.ParentSpanId);

        // The saga's steps, in the silo; the gateway's span is a child of the silo's HTTP call (other HTTP calls of the
        // silo in the trace are its storage requests).
        var reserve = spans.First(s => IsServer(s, "IWalletSettlementGrain/ReserveForPaymentAsync"));
        var chargeGrain = spans.First(s => IsServer(s, "IGatewayGrain/ChargeAsync"));
        var charge = Assert.Single(spans, s => IsServer(s, "POST /charges"));
        var gatewayCall = Assert.Single(spans, s => s.SpanId == charge.ParentSpanId);
        var confirm = spans.First(s => IsServer(s, "IWalletGrain/ConfirmAsync"));
        Assert.All([reserve, chargeGrain, gatewayCall, confirm], s => Assert.Equal(SiloService, s.Service));
        Assert.Equal((SpanKind.Client, "System.Net.Http"), (gatewayCall.Kind, gatewayCall.Scope));
        Assert.Contains(GatewayService, charge.ExportedBy);
        Assert.True(DescendsFrom(reserve, create, spans), "the reservation under the payment");
        Assert.True(DescendsFrom(chargeGrain, create, spans), "the charge under the payment");
        Assert.True(DescendsFrom(gatewayCall, chargeGrain, spans), "the gateway's HTTP call under the charge");
        Assert.True(DescendsFrom(confirm, create, spans), "the confirmation under the payment");
        Assert.True(reserve.Start < gatewayCall.Start && gatewayCall.Start < confirm.Start, Tree(spans));

        // The events are written by the payment grain in a silo process: they name the trace the front door continued.
        var events = await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{payment.Text("id")}/events"), HttpStatusCode.OK);
        Assert.NotEmpty(events.EnumerateArray());
        Assert.All(events.EnumerateArray(), e => Assert.Equal(traceId, e.Text("trace_id")));

        // The silo's JSON log line about the payment's ending carries the trace, the span and the payment id as fields.
        var paymentId = payment.Text("id")!;
        var line = await PaymentActors.Testing.Eventually.UntilAsync(
            () => Task.FromResult(api.Silos.SelectMany(silo => silo.Output.Split('\n'))
                .FirstOrDefault(l => l.Contains("\"EventId\":2006", StringComparison.Ordinal) && l.Contains(paymentId, StringComparison.Ordinal))),
            found => found is not null,
            "a silo's JSON log line about the payment's ending");
        using var log = JsonDocument.Parse(line!);
        var scopes = log.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId);
        Assert.Contains(scopes, scope => scope.TryGetProperty("SpanId", out var id) && id.GetString()!.Length == 16);
        Assert.Contains(scopes, scope => scope.TryGetProperty("PaymentId", out var id) && id.GetString() == paymentId);
    }

    private static bool IsServer(ExportedSpan span, string name) => span.Kind == SpanKind.Server && span.Name == name;

    private static bool DescendsFrom(ExportedSpan span, ExportedSpan ancestor, IReadOnlyList<ExportedSpan> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; current.ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The trace as indented text: offset from the first span, duration, name, and the service that sent it (the front
    /// door and the mock gateway share this test process, where each one's tracer provider sees the other's requests).
    /// </summary>
    private static string Tree(IReadOnlyList<ExportedSpan> spans)
    {
        var start = spans.Min(s => s.Start);
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var text = new StringBuilder();
        void Write(ExportedSpan span, int depth)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(span.Start - start).TotalMilliseconds,8:0.0} ms {span.Duration.TotalMilliseconds,8:0.0} ms  ")
                .Append(' ', depth * 2).Append(span.Name)
                .Append(CultureInfo.InvariantCulture, $" [{string.Join('+', span.ExportedBy.Order(StringComparer.Ordinal))}: {span.Scope}, {span.Kind.ToString().Replace("SpanKind", "", StringComparison.Ordinal)}]")
                .AppendLine();
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId))
            {
                Write(child, depth + 1);
            }
        }

        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)))
        {
            Write(root, 0);
        }

        return text.ToString();
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
