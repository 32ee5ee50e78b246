using System.Net;
using System.Text.Json.Nodes;
using PaymentActors.Testing;
using PaymentActors.Testing.Azurite;
using PaymentActors.Testing.Browser;
using PuppeteerSharp;

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
    private const string TokenField = "input[placeholder=Token]";

    private const string TestRequestButton =
        "[...document.querySelectorAll('button')].find(b => b.textContent.includes('Test Request') && b.textContent.includes('(get /gateway)'))";

    private const string SendButton = "[...document.querySelectorAll('button')].find(b => b.textContent.trim().startsWith('Send'))";

    [Fact]
    public async Task A_token_pasted_into_the_docs_page_is_sent_as_a_bearer_token_by_its_test_request()
    {
        var token = TestTokens.Operator();
        var route = new Uri(api.BaseAddress, "gateway").ToString();
        var wait = new WaitForSelectorOptions { Timeout = (int)RenderTimeout.TotalMilliseconds };
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.GoToAsync(new Uri(api.BaseAddress, "docs/#tag/gateway/GET/gateway").ToString());

        await page.WaitForSelectorAsync(TokenField, wait);
        await page.FocusAsync(TokenField);
        await page.Keyboard.SendCharacterAsync(token);
        await (await page.WaitForFunctionAsync($"() => {TestRequestButton}", new WaitForFunctionOptions { Timeout = wait.Timeout })).EvaluateFunctionAsync("b => b.click()");
        var send = await page.WaitForFunctionAsync($"() => {SendButton}", new WaitForFunctionOptions { Timeout = wait.Timeout });
        var answered = page.WaitForResponseAsync(r => r.Url == route, new WaitForOptions { Timeout = wait.Timeout });
        await send.EvaluateFunctionAsync("b => b.click()");

        var response = await answered;
        var authorization = response.Request.Headers.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
        Assert.Equal(HttpMethod.Get, response.Request.Method);
        Assert.Equal($"Bearer {token}", authorization);
        Assert.Equal(HttpStatusCode.OK, response.Status);

        // For a person to look at: the API client with the answer it shows.
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('\"state\"')", new WaitForFunctionOptions { Timeout = wait.Timeout });
        await page.ScreenshotAsync(Path.Combine(RepositoryRoot.Find(), "TestResults", "api-docs-try-it.png"));
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
}
