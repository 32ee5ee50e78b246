using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Gateway.Http.Options;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

/// <summary>Several providers from configuration: each its own client and breaker; the one-provider form stays as it was.</summary>
public sealed class GatewayProvidersTests
{
    [Fact]
    public async Task Providers_EachCallTheirOwnGateway_AndOneOutageOpensOnlyItsOwnBreaker()
    {
        await using var a = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var b = await RunningMockGateway.StartAsync();
        await using var services = Build(new Dictionary<string, string?>
        {
            ["PaymentGateway:MaxRetryAttempts"] = "0",
            ["PaymentGateway:AttemptTimeout"] = "00:00:10",
            ["PaymentGateway:BreakerMinimumThroughput"] = "2",
            ["PaymentGateway:BreakerFailureRatio"] = "1",
            ["PaymentGateway:Providers:mock-b:BaseUrl"] = b.BaseAddress.ToString(),
            ["PaymentGateway:Providers:mock-b:Methods"] = "card, paypal",
            ["PaymentGateway:Providers:mock-b:Priority"] = "2",
            ["PaymentGateway:Providers:mock-a:BaseUrl"] = a.BaseAddress.ToString(),
            ["PaymentGateway:Providers:mock-a:Methods:0"] = "card",
            ["PaymentGateway:Providers:mock-a:Priority"] = "1",
        });
        var catalog = services.GetRequiredService<IGatewayProviderCatalog>();
        Assert.True(catalog.TryGetGateway("mock-a", out var gatewayA));
        Assert.True(catalog.TryGetGateway("mock-b", out var gatewayB));

        for (var i = 0; i < 3; i++)
        {
            await gatewayA.ChargeAsync(GatewayAdapterHarness.Charge($"pay-a{i}"), CancellationToken.None);
        }

        var atB = await gatewayB.ChargeAsync(GatewayAdapterHarness.Charge("pay-b"), CancellationToken.None);
        var health = services.GetRequiredService<IGatewayHealthSource>();

        Assert.Equal(["mock-a", "mock-b"], catalog.Providers.Select(p => p.Name));
        Assert.Equal("mock-a", catalog.Default.Name);
        Assert.Equal(["card", "paypal"], catalog.Providers[1].Methods);
        Assert.False(catalog.TryGetGateway("mock", out _));
        Assert.Same(gatewayA, services.GetRequiredService<IPaymentGateway>());
        Assert.Equal(GatewayStatus.Approved, atB.Status);
        Assert.Equal("open", health.GetHealth("mock-a").State);
        Assert.Equal("closed", health.GetHealth("mock-b").State);
        Assert.Equal(GatewayCircuitStatus.Open, services.GetRequiredService<IGatewayCircuitState>().Status);
        Assert.Equal((0, 1), ((await a.GetStatsAsync()).ChargesApproved, (await b.GetStatsAsync()).ChargesApproved));
    }

    [Fact]
    public void SingleProviderSettings_AreOneProviderServingEveryMethod_NamedAsConfigured()
    {
        using var services = Build(new Dictionary<string, string?> { ["PaymentGateway:BaseUrl"] = "http://127.0.0.1:5999" }, "legacy");
        var catalog = services.GetRequiredService<IGatewayProviderCatalog>();

        var only = Assert.Single(catalog.Providers);
        Assert.Equal(("legacy", 0), (only.Name, only.Currencies.Count));
        Assert.Equal(PaymentMethods.All, only.Methods);
        Assert.Equal("http://127.0.0.1:5999", services.GetRequiredService<IOptionsMonitor<HttpGatewayOptions>>().Get("legacy").BaseUrl);
    }

    [Fact]
    public void Providers_WithAnUnknownMethodOrCurrencyOrNoAddress_FailAtStartNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaymentGateway:Providers:x:Methods"] = "card,bitcoin",
            ["PaymentGateway:Providers:x:Currencies"] = "USD,XXX",
        }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() =>
            new ServiceCollection().AddHttpPaymentGateway(configuration.GetSection(HttpGatewayOptions.SectionName)));

        Assert.Contains(failure.Failures, f => f.Contains("Providers:x:Methods: 'bitcoin'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Providers:x:Currencies: 'XXX'", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Providers:x:BaseUrl", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, string singleProviderName = HttpGatewayOptions.DefaultProviderName)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddHttpPaymentGateway(configuration.GetSection(HttpGatewayOptions.SectionName), singleProviderName)
            .BuildServiceProvider();
    }
}
