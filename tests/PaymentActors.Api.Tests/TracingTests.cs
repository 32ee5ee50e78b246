using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace PaymentActors.Api.Tests;

/// <summary>One trace per payment: front door → payment → wallet reserve → gateway HTTP → wallet confirm.</summary>
public sealed class TracingTests(TracedApiFixture api, ITestOutputHelper output) : IClassFixture<TracedApiFixture>
{
    private const string TraceIdHeader = "X-Trace-Id";

    [Fact]
    public async Task A_payment_is_one_trace_from_the_front_door_through_the_grains_to_the_gateway_and_its_events_carry_it()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "100.00"), HttpStatusCode.OK);

        // The client starts the trace: an incoming W3C traceparent is honoured.
        var traceId = ActivityTraceId.CreateRandom();
        var clientSpanId = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments?wait=true")
        {
            Content = new StringContent(
                $$"""{"user_id":"{{user}}","service_id":"service-1","amount":"25.00","currency":"USD"}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{clientSpanId.ToHexString()}-01");
        // As an outside client: this process's HttpClient would otherwise put its own traceparent in (the API runs in-process).
        using var outsideClient = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = api.BaseAddress };
        outsideClient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PaymentActors.Testing.TestTokens.User(user));
        var response = await outsideClient.SendAsync(request);
        var payment = await ApiAssert.SuccessAsync(response, HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        Assert.Equal(traceId.ToHexString(), Assert.Single(response.Headers.GetValues(TraceIdHeader)));

        // Spans end after the response (the in-memory exporter sees them when they stop): wait for the last step.
        var spans = await PaymentActors.Testing.Eventually.UntilAsync(
            () => Task.FromResult(api.Spans.OfTrace(traceId)),
            found => found.Any(span => IsGrainCall(span, "IWalletGrain/ConfirmAsync"))
                && found.Any(span => IsHttpServer(span) && span.DisplayName.Contains("/payments", StringComparison.Ordinal)),
            "the payment's trace to reach the wallet's confirmation");

        output.WriteLine(Tree(spans));

        // Shape: the front door's server span is the root (child of the client's span); every other span's parent is in the trace.
        var root = Assert.Single(spans, span => IsHttpServer(span) && span.DisplayName.Contains("/payments", StringComparison.Ordinal));
        Assert.Equal(clientSpanId, root.ParentSpanId);
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        Assert.All(spans.Where(span => span != root), span => Assert.Contains(span.ParentSpanId, ids));

        // Create-and-wait is one call; the saga reserves through the wallet's internal interface (the reservation carries the request).
        var create = spans.First(span => IsGrainCall(span, "IPaymentGrain/CreateAndWaitAsync"));
        var reserve = spans.First(span => IsGrainCall(span, "IWalletSettlementGrain/ReserveForPaymentAsync"));
        var gatewayHttp = spans.First(span => span.Kind == ActivityKind.Client && span.Source.Name == "System.Net.Http");
        var gatewayServer = spans.First(span => IsHttpServer(span) && span.DisplayName.Contains("/charges", StringComparison.Ordinal));
        var confirm = spans.First(span => IsGrainCall(span, "IWalletGrain/ConfirmAsync"));

        // Each step descends from the one that caused it, and they happen in the saga's order.
        Assert.True(DescendsFrom(create, root, spans), "payment creation under the front door");
        Assert.True(DescendsFrom(reserve, create, spans), "reservation under the payment");
        Assert.True(DescendsFrom(gatewayHttp, create, spans), "gateway call under the payment");
        Assert.Equal(gatewayHttp.SpanId, gatewayServer.ParentSpanId);
        Assert.True(DescendsFrom(confirm, create, spans), "confirmation under the payment");
        Assert.True(reserve.StartTimeUtc < gatewayHttp.StartTimeUtc && gatewayHttp.StartTimeUtc < confirm.StartTimeUtc, Describe(spans));

        // Every event of the payment names the trace of the request that caused it.
        var eventsResponse = await api.Client.GetAsync($"/payments/{payment.Text("id")}/events");
        var events = await ApiAssert.SuccessAsync(eventsResponse, HttpStatusCode.OK);
        Assert.NotEmpty(events.EnumerateArray());
        Assert.All(events.EnumerateArray(), paymentEvent => Assert.Equal(traceId.ToHexString(), paymentEvent.Text("trace_id")));

        // The read is a request of its own, with a trace of its own.
        Assert.NotEqual(traceId.ToHexString(), Assert.Single(eventsResponse.Headers.GetValues(TraceIdHeader)));
    }

    /// <summary>
    /// Errors raised before any endpoint runs (authentication, routing, the body's checks) carry the trace id too, and
    /// it is the caller's when the request came with a <c>traceparent</c>.
    /// </summary>
    [Theory]
    [InlineData("unknown payment", HttpStatusCode.NotFound)]
    [InlineData("bad id", HttpStatusCode.BadRequest)]
    [InlineData("no such route", HttpStatusCode.NotFound)]
    [InlineData("wrong method", HttpStatusCode.MethodNotAllowed)]
    [InlineData("no token", HttpStatusCode.Unauthorized)]
    [InlineData("not json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("body too large", HttpStatusCode.RequestEntityTooLarge)]
    public async Task Every_response_carries_a_trace_id_even_an_error_and_it_is_the_callers(string error, HttpStatusCode status)
    {
        var deposit = $"/wallets/{TestIds.User()}/deposits";
        HttpRequestMessage Request(string? traceparent)
        {
            var request = error switch
            {
                "unknown payment" or "no token" => new HttpRequestMessage(HttpMethod.Get, "/payments/pay_unknown"),
                "bad id" => new HttpRequestMessage(HttpMethod.Get, "/wallets/bad%20id"),
                "no such route" => new HttpRequestMessage(HttpMethod.Get, "/no/such/route"),
                "wrong method" => new HttpRequestMessage(HttpMethod.Delete, deposit),
                "not json" => new HttpRequestMessage(HttpMethod.Post, deposit) { Content = new StringContent("""{"amount":"1.00","currency":"USD"}""") },
                "body too large" => new HttpRequestMessage(HttpMethod.Post, deposit)
                {
                    Content = new StringContent($$"""{"amount":"1.00","currency":"USD","padding":"{{new string('p', 70_000)}}"}""", System.Text.Encoding.UTF8, "application/json"),
                },
                _ => throw new ArgumentOutOfRangeException(nameof(error)),
            };
            if (error != "no token")
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", PaymentActors.Testing.TestTokens.Operator());
            }

            if (traceparent is not null)
            {
                request.Headers.Add("traceparent", traceparent);
            }

            return request;
        }

        // As an outside client: this process's HttpClient would otherwise put its own traceparent in (the API runs in-process).
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = api.BaseAddress };

        // Without a traceparent the front door starts a trace of its own ...
        using var untraced = await client.SendAsync(Request(null));
        Assert.Equal(status, untraced.StatusCode);
        var ownTraceId = Assert.Single(untraced.Headers.GetValues(TraceIdHeader));
        Assert.Matches("^[0-9a-f]{32}$", ownTraceId);
        Assert.NotEqual(new string('0', 32), ownTraceId);

        // ... with one, it joins the caller's.
        var traceId = ActivityTraceId.CreateRandom();
        using var traced = await client.SendAsync(Request($"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));
        Assert.Equal(status, traced.StatusCode);
        Assert.Equal(traceId.ToHexString(), Assert.Single(traced.Headers.GetValues(TraceIdHeader)));
    }

    private static bool IsHttpServer(Activity span) => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore";

    private static bool IsGrainCall(Activity span, string name) => span.Kind == ActivityKind.Server && span.DisplayName == name;

    private static bool DescendsFrom(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The trace as indented text: offset from the first span, duration, name.</summary>
    private static string Tree(IReadOnlyList<Activity> spans)
    {
        var start = spans.Min(span => span.StartTimeUtc);
        var ids = spans.Select(span => span.SpanId).ToHashSet();
        var text = new System.Text.StringBuilder();
        void Write(Activity span, int depth)
        {
            text.Append(FormattableString.Invariant($"{(span.StartTimeUtc - start).TotalMilliseconds,8:0.0} ms {span.Duration.TotalMilliseconds,8:0.0} ms  "))
                .Append(' ', depth * 2).Append(span.DisplayName).Append(" [").Append(span.Source.Name).Append(", ").Append(span.Kind).AppendLine("]");
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId))
            {
                Write(child, depth + 1);
            }
        }

        foreach (var root in spans.Where(span => !ids.Contains(span.ParentSpanId)))
        {
            Write(root, 0);
        }

        return text.ToString();
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join("; ", spans.Select(span => $"{span.DisplayName}@{span.StartTimeUtc:HH:mm:ss.ffff}"));
}
