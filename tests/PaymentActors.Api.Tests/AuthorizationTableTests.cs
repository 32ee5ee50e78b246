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
    private sealed record Seed(string Owner, string PaymentId);

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
        new("POST", "/payments", SecurityPolicies.User,
            s => Post("/payments", $$"""{"user_id": "{{s.Owner}}", "service_id": "svc-1", "amount": "0.01", "currency": "USD"}"""), 401, 202, 403, 202),
        new("GET", "/payments/{id}", SecurityPolicies.User, s => Get($"/payments/{s.PaymentId}"), 401, 200, 404, 200),
        new("GET", "/payments/{id}/events", SecurityPolicies.User, s => Get($"/payments/{s.PaymentId}/events"), 401, 200, 404, 200),
        // The seeded payment has completed, so the owner and the operator may ask but it is too late to cancel.
        new("POST", "/payments/{id}/cancel", SecurityPolicies.User, s => Post($"/payments/{s.PaymentId}/cancel", null), 401, 409, 404, 409),
        new("POST", "/payments/{id}/refunds", SecurityPolicies.Operator,
            s => Post($"/payments/{s.PaymentId}/refunds", """{"amount": "0.01"}"""), 401, 403, 403, 201),
        new("GET", "/gateway", SecurityPolicies.Operator, _ => Get("/gateway"), 401, 403, 403, 200),
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
        var seed = new Seed(owner, payment.Text("id"));

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

    private static HttpRequestMessage Post(string path, string? json) => new(HttpMethod.Post, path)
    {
        Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
    };
}
