using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentActors.Testing;
using PaymentActors.Testing.Azurite;
using PaymentActors.Testing.Browser;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The docs page's "try it" as a person uses it, in headless Chromium: paste a token into the Authentication section's
/// bearer field, open a route's test request and send it. The browser sends <c>Authorization: Bearer</c> with the pasted
/// token (the OpenAPI document's bearer scheme and requirement tell the docs UI to), and the API answers the operator.
/// The bodies the docs fill in (the document's request examples) are accepted as they are.
/// </summary>
public sealed class DocsTryItInBrowserTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The bearer field of the Authentication section (Scalar labels it "Bearer Token").</summary>
    private const string TokenField = "document.querySelector('input[placeholder=Token]')";

    private const string TestRequestButton =
        "[...document.querySelectorAll('button')].find(b => b.textContent.includes('Test Request') && b.textContent.includes('(get /gateway)'))";

    private const string SendButton = "[...document.querySelectorAll('button')].find(b => b.textContent.trim().startsWith('Send'))";

    [Fact]
    public async Task A_token_pasted_into_the_docs_page_is_sent_as_a_bearer_token_by_its_test_request()
    {
        var token = TestTokens.Operator();
        var route = new Uri(api.BaseAddress, "gateway").ToString();
        await using var browser = await ChromiumDevTools.StartAsync();
        await browser.SendAsync("Network.enable");
        await browser.SendAsync("Page.navigate", new { url = new Uri(api.BaseAddress, "docs/#tag/gateway/GET/gateway").ToString() });

        await browser.WaitUntilAsync($"!!{TokenField}", "the docs page's bearer token field", RenderTimeout);
        await browser.EvaluateAsync($"{TokenField}.focus()");
        await browser.SendAsync("Input.insertText", new { text = token });
        await browser.WaitUntilAsync($"!!{TestRequestButton}", "GET /gateway's Test Request button", RenderTimeout);
        await browser.EvaluateAsync($"{TestRequestButton}.click()");
        await browser.WaitUntilAsync($"!!{SendButton}", "the test request's Send button", RenderTimeout);
        await browser.EvaluateAsync($"{SendButton}.click()");

        var answered = await Eventually.UntilAsync(
            () => Task.FromResult(browser.Events.FirstOrDefault(e => Is(e, "Network.responseReceived", "response", route))),
            e => e.ValueKind == JsonValueKind.Object,
            $"the docs page's request to {route} to be answered",
            RenderTimeout);
        var sent = browser.Events.First(e => Is(e, "Network.requestWillBeSent", "request", route)).GetProperty("params").GetProperty("request");
        var authorization = sent.GetProperty("headers").EnumerateObject()
            .Where(h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.GetString()).SingleOrDefault();

        Assert.Equal("GET", sent.GetProperty("method").GetString());
        Assert.Equal($"Bearer {token}", authorization);
        Assert.Equal(200, answered.GetProperty("params").GetProperty("response").GetProperty("status").GetInt32());

        // For a person to look at: the API client with the answer it shows.
        await browser.WaitUntilAsync("document.body.innerText.includes('\"state\"')", "the docs page to show the answer", RenderTimeout);
        await browser.ScreenshotAsync(Path.Combine(RepositoryRoot.Find(), "TestResults", "api-docs-try-it.png"));
    }

    [Fact]
    public async Task The_request_bodies_the_docs_fill_in_are_accepted()
    {
        using var anonymous = api.ClientWithToken(null);
        var schemas = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;
        string Example(string schema, string? userId = null)
        {
            var example = schemas[schema]!["examples"]![0]!.DeepClone();
            if (userId is not null) example["user_id"] = userId;
            return example.ToJsonString();
        }

        var user = TestIds.User();
        using var owner = api.ClientFor(user);
        await ApiAssert.SuccessAsync(await api.Client.PostJsonAsync($"/wallets/{user}/deposits", Example("DepositRequest")), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await owner.PostJsonAsync("/payments?wait=true", Example("CreatePaymentRequest", user)), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        await ApiAssert.SuccessAsync(await api.Client.PostJsonAsync($"/payments/{payment.Text("id")}/refunds", Example("RefundRequest")), HttpStatusCode.Created);
        var order = await ApiAssert.SuccessAsync(await owner.PostJsonAsync("/orders", Example("CreateOrderRequest", user)), HttpStatusCode.Created);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/orders/{order.Text("id")}")
        {
            Content = new StringContent(Example("UpdateOrderRequest"), System.Text.Encoding.UTF8, "application/json"),
        };
        await ApiAssert.SuccessAsync(await owner.SendAsync(update), HttpStatusCode.OK);
    }

    /// <summary>A Network event of <paramref name="method"/> whose request or response is for exactly <paramref name="url"/>.</summary>
    private static bool Is(JsonElement e, string method, string part, string url) =>
        e.GetProperty("method").GetString() == method &&
        e.GetProperty("params").GetProperty(part).GetProperty("url").GetString() == url;
}
