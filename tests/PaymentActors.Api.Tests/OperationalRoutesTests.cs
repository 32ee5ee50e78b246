using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

[Collection(ProcessWideMetricsCollection.Name)]
public sealed class OperationalRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Theory]
    // The dashboard's own "/dashboard" redirects here, and HttpClient drops the token on a redirect.
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/docs", "text/html")]
    [InlineData("/openapi/v1.json", "application/json")]
    [InlineData("/metrics", "text/plain")]
    [InlineData("/health/live", "application/json")]
    [InlineData("/health/ready", "application/json")]
    public async Task Operational_routes_answer_200(string path, string mediaType)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Readiness_reports_the_cluster_check_healthy()
    {
        var report = await ApiAssert.SuccessAsync(await _client.GetAsync("/health/ready"), HttpStatusCode.OK);

        Assert.Equal("healthy", report.Text("status"));
        Assert.Equal("healthy", report.GetProperty("checks").GetProperty("cluster").Text("status"));
    }

    [Fact]
    public async Task Openapi_documents_every_route_with_its_errors()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        string[] Responses(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject().Select(p => p.Name).Order().ToArray();

        // What the handler declares, and what every guarded, rate-limited route may answer on top (ContractResponsesTransformer).
        string[] With(params string[] declared) => [.. declared.Union(["401", "403", "429", "500", "503"]).Order()];

        Assert.Equal(With("200", "400", "422", "408", "413", "415"), Responses("/wallets/{user_id}/deposits", "post"));
        Assert.Equal(With("200", "400", "404"), Responses("/wallets/{user_id}", "get"));
        Assert.Equal(With("200", "400", "404"), Responses("/wallets/{user_id}/reservations", "get"));
        Assert.Equal(With("200", "202", "400", "409", "422", "408", "413", "415"), Responses("/payments", "post"));
        Assert.Equal(With("200", "400", "404"), Responses("/payments/{id}", "get"));
        Assert.Equal(With("200", "400", "404"), Responses("/payments/{id}/events", "get"));
        Assert.Equal(With("200", "201", "400", "404", "409", "422", "408", "413", "415"), Responses("/payments/{id}/refunds", "post"));
        Assert.Equal(With("200", "400", "404", "409"), Responses("/payments/{id}/cancel", "post"));
        Assert.Equal(With("200"), Responses("/gateway", "get"));
        Assert.Equal(With("200"), Responses("/cluster", "get"));
        Assert.Equal(With("200", "400"), Responses("/failed-events", "get"));
        Assert.Equal(With("200", "400", "404"), Responses("/failed-events/{id}", "get"));
        Assert.Equal(With("202", "400", "404", "409"), Responses("/failed-events/{id}/retry", "post"));
        Assert.Equal(With("200"), Responses("/metrics/summary", "get"));
        Assert.Equal(With("200", "400", "403"), Responses("/payments", "get"));
        Assert.Equal(With("200", "400", "403"), Responses("/orders", "get"));
        Assert.Equal(With("200", "400", "404"), Responses("/transactions", "get"));
        foreach (var path in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.True(paths.GetProperty("/payments").GetProperty("post").TryGetProperty("requestBody", out _));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("ApiErrorResponse", out _));
        Assert.True(schemas.GetProperty("CreatePaymentRequest").GetProperty("properties").TryGetProperty("user_id", out _));
        Assert.True(schemas.GetProperty("PaymentResponse").GetProperty("properties").TryGetProperty("refunded_amount", out _));
        Assert.True(schemas.GetProperty("FailedEventPageResponse").GetProperty("properties").TryGetProperty("has_more", out _));
        Assert.Equal("object", schemas.GetProperty("JsonNode").Text("type"));
        Assert.Contains("JsonElement", schemas.GetProperty("RefundRequest").GetProperty("properties").GetProperty("amount").ToString());
        Assert.False(schemas.GetProperty("RefundRequest").TryGetProperty("required", out _), "A refund's amount and reason are optional.");
        Assert.Equal(["street", "city", "country"], schemas.GetProperty("AddressBody").GetProperty("required").EnumerateArray().Select(f => f.GetString()));
        var refundBody = paths.GetProperty("/payments/{id}/refunds").GetProperty("post").GetProperty("requestBody");
        Assert.False(refundBody.TryGetProperty("required", out var required) && required.GetBoolean());
        var listParameters = paths.GetProperty("/failed-events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.Text("name"), p => p.GetProperty("schema"));
        Assert.Equal("integer", listParameters["limit"].Text("type"));
        Assert.Equal(3, listParameters["status"].GetProperty("enum").GetArrayLength());
        var paymentList = paths.GetProperty("/payments").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.Text("name"), p => p.GetProperty("schema"));
        Assert.Equal(
            ["user_id", "status", "order_id", "created_after", "created_before", "limit", "starting_after"], paymentList.Keys);
        Assert.Equal(8, paymentList["status"].GetProperty("enum").GetArrayLength());
        Assert.Equal("date-time", paymentList["created_after"].Text("format"));
        Assert.Equal(100, paymentList["limit"].GetProperty("maximum").GetInt32());
    }

    [Fact]
    public async Task Prometheus_text_carries_our_meters_and_orleans_meters()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "2.00");
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);

        // Our counters are fed by the event stream's subscribers, which catch up shortly after the payment completes.
        var text = await Eventually.UntilAsync(
            () => _client.GetStringAsync("/metrics"),
            t => t.Contains("paymentactors_payment_success", StringComparison.Ordinal),
            "the PaymentActors meter in the Prometheus text",
            TimeSpan.FromSeconds(10));

        Assert.Contains("paymentactors_events_total", text);
        Assert.Contains("orleans_catalog_activations", text);
        Assert.Contains("orleans_grains", text);
        Assert.Contains("http_server_request_duration_seconds", text);

        // Grain messages per payment (BENCHMARKS.md): the front door's create-and-wait is one call to the payment grain.
        Assert.Matches("paymentactors_grain_messages_total\\{[^}]*interface=\"PaymentActors.Payments.IPaymentGrain\",method=\"CreateAndWaitAsync\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Event_figures_count_catalogue_events_published_delivered_to_each_subscriber_and_pending()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "5.00");
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "9.00", wait: true), HttpStatusCode.OK);

        // Both subscribers catch up: nothing pending, and each received every event published.
        var events = await Eventually.UntilAsync(
            async () => (await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK)).GetProperty("events"),
            e => e.GetProperty("pending").EnumerateObject().All(p => p.Value.GetInt64() == 0)
                 && e.GetProperty("published").TryGetProperty("payment.failed", out _),
            "the subscribers to receive every event",
            TimeSpan.FromSeconds(10));

        Assert.Equal(1, events.GetProperty("silos").GetInt32());
        var published = events.GetProperty("published");
        Assert.True(published.GetProperty("payment.initiated").GetInt64() >= 2);
        Assert.True(published.GetProperty("payment.completed").GetInt64() >= 1);
        var total = events.GetProperty("published_total").GetInt64();
        Assert.Equal(published.EnumerateObject().Sum(p => p.Value.GetInt64()), total);
        Assert.Equal(["failure_recorder", "metrics_collector"], events.GetProperty("delivered").EnumerateObject().Select(p => p.Name).Order().ToArray());
        // The metrics collector gets every event; the failure recorder only the failures (its own stream).
        Assert.Equal(total, events.GetProperty("delivered").GetProperty("metrics_collector").GetInt64());
        Assert.Equal(published.GetProperty("payment.failed").GetInt64(), events.GetProperty("delivered").GetProperty("failure_recorder").GetInt64());

        var text = await _client.GetStringAsync("/metrics");
        var lines = text.Split('\n');
        Assert.Contains(lines, line => line.StartsWith("paymentactors_events_published_total{", StringComparison.Ordinal) && line.Contains("type=\"payment.initiated\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("paymentactors_events_delivered_total{", StringComparison.Ordinal) && line.Contains("subscriber=\"failure_recorder\"", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("paymentactors_events_pending{", StringComparison.Ordinal) && line.Contains("subscriber=\"metrics_collector\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_burst_every_catalogue_event_is_counted_once_delivered_and_nothing_stays_pending()
    {
        var users = Enumerable.Range(0, 4).Select(_ => TestIds.User()).ToList();
        foreach (var user in users)
        {
            await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        }

        var before = await SettledEventFiguresAsync(_ => true);

        // Twelve payments at once, three per wallet: two fit, the third is refused for insufficient funds.
        var responses = await Task.WhenAll(users.SelectMany(user => Enumerable.Range(0, 3).Select(_ => _client.CreatePaymentAsync(user, "4.00", wait: true))));
        var payments = await Task.WhenAll(responses.Select(response => ApiAssert.SuccessAsync(response, HttpStatusCode.OK)));
        Assert.Equal(8, payments.Count(p => p.Text("status") == "completed"));
        Assert.Equal(4, payments.Count(p => p.Text("failure_reason") == "insufficient_funds"));

        // A payment announces its steps in a few stream items (each commit's events together): the figures count events.
        var histories = await Task.WhenAll(payments.Select(async p =>
            await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{p.Text("id")}/events"), HttpStatusCode.OK)));
        var eventsOfBurst = histories.Sum(h => h.GetArrayLength());
        Assert.Equal(8 * 5 + 4 * 3, eventsOfBurst);

        var after = await SettledEventFiguresAsync(e => PublishedTotal(e) - PublishedTotal(before) >= eventsOfBurst);
        Assert.Equal(eventsOfBurst, PublishedTotal(after) - PublishedTotal(before));
        Assert.Equal(4, Figure(after, "published", "payment.failed") - Figure(before, "published", "payment.failed"));
        Assert.Equal(eventsOfBurst, Figure(after, "delivered", "metrics_collector") - Figure(before, "delivered", "metrics_collector"));
        Assert.Equal(4, Figure(after, "delivered", "failure_recorder") - Figure(before, "delivered", "failure_recorder"));

        // (Not /metrics's value here: in this test process it sums the meters of every app the tests started.)
    }

    /// <summary>The summary's events section once every subscriber has caught up (nothing pending) and <paramref name="done"/> holds.</summary>
    private Task<JsonElement> SettledEventFiguresAsync(Func<JsonElement, bool> done) => Eventually.UntilAsync(
        async () => (await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK)).GetProperty("events"),
        e => e.GetProperty("pending").EnumerateObject().All(p => p.Value.GetInt64() == 0) && done(e),
        "the subscribers to catch up");

    private static long PublishedTotal(JsonElement events) => events.GetProperty("published_total").GetInt64();

    private static long Figure(JsonElement events, string section, string name) =>
        events.GetProperty(section).TryGetProperty(name, out var value) ? value.GetInt64() : 0;
}
