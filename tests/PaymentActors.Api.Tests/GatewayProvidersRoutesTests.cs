using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>Operators see each provider at <c>GET /gateway</c> and its call figures at <c>GET /metrics/summary</c>.</summary>
public sealed class GatewayProvidersRoutesTests(TwoProvidersApiFixture api) : IClassFixture<TwoProvidersApiFixture>
{
    [Fact]
    public async Task Gateway_keeps_its_top_level_for_the_first_card_provider_and_lists_every_provider()
    {
        var health = await ApiAssert.SuccessAsync(await api.Client.GetAsync("/gateway"), HttpStatusCode.OK);

        Assert.Equal("mock-a", health.Text("provider"));
        Assert.Equal("closed", health.Text("state"));
        Assert.Equal(30, health.GetProperty("window_seconds").GetDouble());
        var providers = health.GetProperty("providers").EnumerateArray().ToList();
        Assert.Equal(["mock-a", "mock-b"], providers.Select(p => p.Text("name")));
        Assert.Equal(["card"], Strings(providers[0], "methods"));
        Assert.Equal(["card", "paypal"], Strings(providers[1], "methods"));
        Assert.Equal((1, 2), (providers[0].GetProperty("priority").GetInt32(), providers[1].GetProperty("priority").GetInt32()));
        Assert.Equal((true, false), (providers[0].GetProperty("default").GetBoolean(), providers[1].GetProperty("default").GetBoolean()));
        Assert.All(providers, p =>
        {
            Assert.Equal("closed", p.Text("state"));
            Assert.Empty(Strings(p, "currencies"));
            Assert.Single(p.GetProperty("silos").EnumerateArray());
            Assert.Equal(p.Text("name"), p.GetProperty("calls").Text("provider"));
        });
    }

    [Fact]
    public async Task A_payment_is_counted_at_the_provider_that_charged_it_in_the_summary()
    {
        await api.Client.CompletedPaymentAsync("50.00", "10.00");

        var summary = await ApiAssert.SuccessAsync(await api.Client.GetAsync("/metrics/summary"), HttpStatusCode.OK);

        var figures = summary.GetProperty("gateway_providers").EnumerateArray().ToList();
        Assert.Equal(["mock-a", "mock-b"], figures.Select(f => f.Text("provider")));
        Assert.True(figures[0].GetProperty("attempts").GetInt64() >= 1);
        Assert.True(figures[0].GetProperty("approvals").GetInt64() >= 1);
        Assert.True(figures[0].GetProperty("latency_max_ms").GetDouble() > 0);
        Assert.Equal(0, figures[1].GetProperty("attempts").GetInt64());
        foreach (var field in new[] { "declines", "not_processed", "unknown", "failovers_from", "failovers_to", "latency_mean_ms" })
        {
            Assert.True(figures[0].TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_provider_fields()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        var provider = schemas.GetProperty("GatewayProviderResponse").GetProperty("properties");
        foreach (var field in new[] { "name", "methods", "currencies", "priority", "default", "state", "calls", "silos" })
        {
            Assert.True(provider.TryGetProperty(field, out _), field);
        }

        Assert.True(schemas.GetProperty("GatewayHealthResponse").GetProperty("properties").TryGetProperty("providers", out _));
        Assert.True(schemas.GetProperty("MetricsSummaryResponse").GetProperty("properties").TryGetProperty("gateway_providers", out _));
        Assert.True(schemas.GetProperty("GatewayProviderFiguresResponse").GetProperty("properties").GetProperty("failovers_from").TryGetProperty("description", out _));
    }

    private static List<string> Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
