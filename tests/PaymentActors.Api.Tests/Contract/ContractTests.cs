using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>
/// The API's contract checked by tools nobody here wrote: requests for every operation of the live
/// <c>/openapi/v1.json</c>, valid and refused, pass through Prism's validating proxy, and any answer that disagrees
/// with the document, or any request the document forbids that the API accepted, fails the test.
/// </summary>
public sealed class ContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string UserId = "alice";

    [Fact]
    public async Task Every_operation_answers_as_the_live_document_says_through_Prism()
    {
        var json = await api.Client.GetStringAsync("/openapi/v1.json");
        var document = JsonNode.Parse(json)!;
        var file = Path.Combine(Path.GetTempPath(), $"paymentactors-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            await using var prism = await PrismProxy.StartAsync(file, api.BaseAddress);
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = prism.Address, Timeout = TimeSpan.FromSeconds(60) };
            var sweep = new ContractSweep(document, http, user => user is null ? TestTokens.Operator() : TestTokens.User(user)) { UserId = UserId };

            await MakeScenarioAsync(sweep);
            var problems = await sweep.RunAsync();
            await RateLimitAsync(sweep);

            var documented = sweep.Operations.Select(o => $"{o.Method} {o.Template}").ToHashSet();
            var missed = documented.Where(operation => !sweep.Calls.Any(c => c.Operation == operation)).ToList();
            var failures = sweep.Calls.Where(c => c.Failures.Any())
                .Select(c => $"{c}\n    " + string.Join("\n    ", c.Failures))
                .ToList();

            Assert.True(
                problems.Count == 0 && missed.Count == 0 && failures.Count == 0,
                $"{sweep.Calls.Count} requests through Prism {prism.Address}.\n" +
                (problems.Count > 0 ? "Operations the sweep cannot call:\n  " + string.Join("\n  ", problems) + "\n" : "") +
                (missed.Count > 0 ? "Operations never called:\n  " + string.Join("\n  ", missed) + "\n" : "") +
                (failures.Count > 0 ? $"{failures.Count} answers Prism found at odds with the document:\n  " + string.Join("\n  ", failures) : ""));

            // The sweep reached what it means to test: refusals of every kind, and successes.
            Assert.Contains(sweep.Calls, c => c.Status == (int)HttpStatusCode.Unauthorized);
            Assert.Contains(sweep.Calls, c => c.Status == (int)HttpStatusCode.Forbidden);
            Assert.Contains(sweep.Calls, c => c.Status == (int)HttpStatusCode.UnsupportedMediaType);
            Assert.Contains(sweep.Calls, c => c.Status == (int)HttpStatusCode.Created);
            Assert.Contains(sweep.Calls, c => c.Status == (int)HttpStatusCode.Accepted);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A funded wallet, a completed payment refunded in part (without a reason), an order and a transaction.</summary>
    private static async Task MakeScenarioAsync(ContractSweep sweep)
    {
        const string Scenario = "scenario";
        var deposit = await sweep.SendAsync(Scenario, "deposit", "POST", $"/wallets/{UserId}/deposits", TestTokens.Operator(), Json("""{"amount": "1000.00", "currency": "USD"}"""));
        Expect(deposit, 200);

        var payment = await sweep.SendAsync(Scenario, "pay and wait", "POST", "/payments?wait=true", TestTokens.User(UserId),
            Json($$"""{"user_id": "{{UserId}}", "service_id": "svc-1", "amount": "25.50", "currency": "USD"}"""));
        Expect(payment, 200);
        var paymentId = DataOf(payment)["id"]!.GetValue<string>();
        sweep.Ids["payments"] = paymentId;

        var refund = await sweep.SendAsync(Scenario, "refund without a reason", "POST", $"/payments/{paymentId}/refunds", TestTokens.Operator(), Json("""{"amount": "1.00"}"""));
        Expect(refund, 201);

        var order = await sweep.SendAsync(Scenario, "order", "POST", "/orders", TestTokens.User(UserId), Json($$$"""
            {"user_id": "{{{UserId}}}", "currency": "USD", "items": [{"product_id": 1, "quantity": 1, "unit_price": "2.00"}],
             "shipping_address": {"street": "Av. Principal 123", "city": "Lima", "country": "Peru"},
             "billing_address": {"street": "Av. Principal 123", "city": "Lima", "country": "Peru"}}
            """));
        Expect(order, 201);
        sweep.Ids["orders"] = DataOf(order)["id"]!.GetValue<string>();

        var transactions = await sweep.SendAsync(Scenario, "transactions", "GET", $"/transactions?payment_id={paymentId}", TestTokens.Operator());
        Expect(transactions, 200);
        sweep.Ids["transactions"] = DataOf(transactions)["items"]!.AsArray()[0]!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// One user over the rate limit (a burst of 40 by default): every 429 must be as documented too. Bursts of 60 at once
    /// until one is refused, since on a slow machine the bucket may refill while a burst goes through Prism.
    /// </summary>
    private static async Task RateLimitAsync(ContractSweep sweep)
    {
        var token = TestTokens.User("contract-throttled");
        await Eventually.UntilAsync(
            () => Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
                sweep.SendAsync("GET /wallets/{user_id}", "over the rate limit", "GET", "/wallets/contract-throttled", token))),
            calls => calls.Any(c => c.Status == (int)HttpStatusCode.TooManyRequests),
            "a 429 among 60 requests at once",
            timeout: TimeSpan.FromSeconds(60));
    }

    private static void Expect(ContractCall call, int status) =>
        Assert.True(call.Status == status, $"The scenario's {call} should answer {status}: {call.Body}");

    private static JsonNode DataOf(ContractCall call) => JsonNode.Parse(call.Body)!["data"]!;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
