using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Api.Security;

namespace PaymentActors.Api.Tests;

/// <summary>
/// Every route of the running app, walked with no token, the owner's token, another user's token and an operator's
/// token. The routes come from the app's own endpoint data source, so a new route that is not in this table fails
/// the test until someone decides who may call it.
/// </summary>
public sealed class AuthorizationTableTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>What the seeded owner has: a wallet and a completed payment.</summary>
    private sealed record Seed(string Owner, string PaymentId, string OrderId);

    /// <summary>
    /// One route: its method ("*" for any), pattern (ending in "/**" for the pattern and everything under it), policy
    /// (null: anonymous), a request for it, and the status each caller gets.
    /// </summary>
    private sealed record Route(
        string Method, string Pattern, string? Policy, Func<Seed, HttpRequestMessage> Request, int Anonymous, int Owner, int Other, int Operator);

    private static readonly Route[] Table =
    [
        new("POST", "/wallets/{user_id}/deposits", SecurityPolicies.Operator,
            s => Post($"/wallets/{s.Owner}/deposits", """{"amount": "1.00", "currency": "USD"}"""), 401, 403, 403, 200),
        new("GET", "/wallets/{user_id}", SecurityPolicies.User, s => Get($"/wallets/{s.Owner}"), 401, 200, 404, 200),
        new("GET", "/wallets/{user_id}/reservations", SecurityPolicies.User, s => Get($"/wallets/{s.Owner}/reservations"), 401, 200, 404, 200),
        new("GET", "/wallets/{user_id}/ledger", SecurityPolicies.User, s => Get($"/wallets/{s.Owner}/ledger"), 401, 200, 404, 200),
        new("GET", "/wallets/{user_id}/ledger/export", SecurityPolicies.User,
            s => Get($"/wallets/{s.Owner}/ledger/export?from=2000-01-01&to=2000-12-31"), 401, 200, 404, 200),
        new("POST", "/payments", SecurityPolicies.User,
            s => Post("/payments", $$"""{"user_id": "{{s.Owner}}", "service_id": "svc-1", "amount": "0.01", "currency": "USD"}"""), 401, 202, 403, 202),
        // Another user's list is 403, as paying or ordering for another user is: the answer does not depend on that user.
        new("GET", "/payments", SecurityPolicies.User, s => Get($"/payments?user_id={s.Owner}"), 401, 200, 403, 200),
        new("GET", "/orders", SecurityPolicies.User, s => Get($"/orders?user_id={s.Owner}"), 401, 200, 403, 200),
        new("GET", "/transactions", SecurityPolicies.User, s => Get($"/transactions?payment_id={s.PaymentId}"), 401, 200, 404, 200),
        new("GET", "/payments/{id}", SecurityPolicies.User, s => Get($"/payments/{s.PaymentId}"), 401, 200, 404, 200),
        new("GET", "/payments/{id}/events", SecurityPolicies.User, s => Get($"/payments/{s.PaymentId}/events"), 401, 200, 404, 200),
        // The seeded payment has completed, so the owner and the operator may ask but it is too late to cancel.
        new("POST", "/payments/{id}/cancel", SecurityPolicies.User, s => Post($"/payments/{s.PaymentId}/cancel", null), 401, 409, 404, 409),
        new("POST", "/payments/{id}/refunds", SecurityPolicies.Operator,
            s => Post($"/payments/{s.PaymentId}/refunds", """{"amount": "0.01"}"""), 401, 403, 403, 201),
        new("POST", "/orders", SecurityPolicies.User,
            s => Post("/orders", ApiCalls.OrderJson(s.Owner, "USD", (1, 1, "1.00"))), 401, 201, 403, 201),
        new("GET", "/orders/{id}", SecurityPolicies.User, s => Get($"/orders/{s.OrderId}"), 401, 200, 404, 200),
        new("PUT", "/orders/{id}", SecurityPolicies.User,
            s => Send(HttpMethod.Put, $"/orders/{s.OrderId}", $$"""{"items": [{"product_id": 2, "quantity": 1, "unit_price": "2.00"}], {{ApiCalls.AddressesJson}}}"""),
            401, 200, 404, 200),
        // The owner cancels the order; the operator's cancel is then a no-op, and it is too late to move it forward.
        new("DELETE", "/orders/{id}", SecurityPolicies.User, s => Send(HttpMethod.Delete, $"/orders/{s.OrderId}", null), 401, 200, 404, 200),
        new("POST", "/orders/{id}/status", SecurityPolicies.Operator,
            s => Post($"/orders/{s.OrderId}/status", """{"status": "processing"}"""), 401, 403, 403, 409),
        new("GET", "/transactions/{id}", SecurityPolicies.User, s => Get($"/transactions/txn.charge.1.{s.PaymentId}"), 401, 200, 404, 200),
        new("GET", "/gateway", SecurityPolicies.Operator, _ => Get("/gateway"), 401, 403, 403, 200),
        new("GET", "/cluster", SecurityPolicies.Operator, _ => Get("/cluster"), 401, 403, 403, 200),
        new("GET", "/failed-events", SecurityPolicies.Operator, _ => Get("/failed-events"), 401, 403, 403, 200),
        new("GET", "/failed-events/{id}", SecurityPolicies.Operator, _ => Get("/failed-events/no-such-event"), 401, 403, 403, 404),
        new("POST", "/failed-events/{id}/retry", SecurityPolicies.Operator, _ => Post("/failed-events/no-such-event/retry", null), 401, 403, 403, 404),
        new("GET", "/metrics/summary", SecurityPolicies.Operator, _ => Get("/metrics/summary"), 401, 403, 403, 200),
        new("*", "/metrics", SecurityPolicies.Operations, _ => Get("/metrics"), 401, 403, 403, 200),
        new("*", "/health/live", null, _ => Get("/health/live"), 200, 200, 200, 200),
        new("*", "/health/ready", null, _ => Get("/health/ready"), 200, 200, 200, 200),
        new("GET", "/openapi/{documentName}.json", null, _ => Get("/openapi/v1.json"), 200, 200, 200, 200),
        // The reference page and its scripts; the page stands for them.
        new("GET", "/docs/**", null, _ => Get("/docs/"), 200, 200, 200, 200),
        // The dashboard's page and its own data routes; the page stands for them.
        new("GET", "/dashboard/**", SecurityPolicies.Operations, _ => Get("/dashboard/"), 401, 403, 403, 200),
    ];

    [Fact]
    public void Every_route_of_the_app_is_in_the_table_with_the_policy_it_declares()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var problems = new List<string>();
        var seen = new HashSet<Route>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            var policy = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? null
                : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).SingleOrDefault() ?? "(none)";
            foreach (var method in methods)
            {
                var row = Table.FirstOrDefault(r => r.Method == method && Matches(r.Pattern, pattern));
                if (row is null)
                {
                    problems.Add($"{method} {pattern} (policy {policy ?? "anonymous"}) is not in the table");
                    continue;
                }

                seen.Add(row);
                if (row.Policy != policy)
                {
                    problems.Add($"{method} {pattern} declares policy {policy ?? "anonymous"}, the table says {row.Policy ?? "anonymous"}");
                }
            }
        }

        problems.AddRange(Table.Where(row => !seen.Contains(row)).Select(row => $"{row.Method} {row.Pattern} is in the table but not in the app"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_route_answers_each_caller_as_the_table_says()
    {
        var owner = TestIds.User();
        var other = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(owner, "100.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(owner, "5.00", wait: true), HttpStatusCode.OK);
        var order = await ApiAssert.SuccessAsync(await api.Client.CreateOrderAsync(owner, "USD", null, (1, 2, "3.00")), HttpStatusCode.Created);
        var seed = new Seed(owner, payment.Text("id"), order.Text("id"));

        using var anonymous = api.ClientWithToken(null);
        using var ownerClient = api.ClientFor(owner);
        using var otherClient = api.ClientFor(other);
        var problems = new List<string>();
        foreach (var route in Table)
        {
            // The operator goes last: its deposit, payment and refund must not change what the others see.
            foreach (var (caller, client, expected) in new[]
                     {
                         ("anonymous", anonymous, route.Anonymous),
                         ("other user", otherClient, route.Other),
                         ("owner", ownerClient, route.Owner),
                         ("operator", api.Client, route.Operator),
                     })
            {
                using var response = await client.SendAsync(route.Request(seed));
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != expected)
                {
                    problems.Add($"{route.Method} {route.Pattern} as {caller}: {(int)response.StatusCode}, expected {expected}: {body}");
                }
                else if (expected == 401 && !(response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer") && body.Contains("\"unauthorized\"")))
                {
                    problems.Add($"{route.Method} {route.Pattern} as {caller}: 401 without WWW-Authenticate: Bearer and code unauthorized: {body}");
                }
                else if (expected == 403 && !body.Contains("\"forbidden\""))
                {
                    problems.Add($"{route.Method} {route.Pattern} as {caller}: 403 without code forbidden: {body}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool Matches(string tablePattern, string pattern) =>
        tablePattern.EndsWith("/**", StringComparison.Ordinal)
            ? pattern == tablePattern[..^3] || pattern.StartsWith(tablePattern[..^2], StringComparison.Ordinal)
            : pattern == tablePattern;

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string? json) => Send(HttpMethod.Post, path, json);

    private static HttpRequestMessage Send(HttpMethod method, string path, string? json) => new(method, path)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };
}
