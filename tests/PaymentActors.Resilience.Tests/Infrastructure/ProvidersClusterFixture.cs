using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Gateway.Http.Options;
using PaymentActors.Grains.Hosting;
using PaymentActors.MockGateway;

namespace PaymentActors.Resilience.Tests.Infrastructure;

/// <summary>
/// Two real mock gateways, <c>mock-a</c> (card, first priority) and <c>mock-b</c> (card and paypal), and a silo
/// configured with both as providers from <c>PaymentGateway:Providers</c>, as <c>./run.sh</c> starts them.
/// </summary>
public sealed class ProvidersClusterFixture : IAsyncLifetime
{
    private static Uri? _addressA;
    private static Uri? _addressB;
    private WebApplication _gatewayA = null!;
    private WebApplication _gatewayB = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public HttpClient AdminA { get; private set; } = null!;

    public HttpClient AdminB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_gatewayA, _addressA) = await StartGatewayAsync();
        (_gatewayB, _addressB) = await StartGatewayAsync();
        AdminA = new HttpClient { BaseAddress = _addressA };
        AdminB = new HttpClient { BaseAddress = _addressB };

        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        AdminA.Dispose();
        AdminB.Dispose();
        foreach (var gateway in new[] { _gatewayA, _gatewayB })
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }

    public static async Task SetAsync(HttpClient admin, object behaviour)
    {
        using var response = await admin.PostAsJsonAsync("admin/behaviour", behaviour);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<long> StatAsync(HttpClient admin, string name)
    {
        using var stats = JsonDocument.Parse(await admin.GetStringAsync("admin/stats"));
        return stats.RootElement.GetProperty(name).GetInt64();
    }

    private static async Task<(WebApplication App, Uri Address)> StartGatewayAsync()
    {
        var app = MockGatewayApp.Create([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Behaviour:FailRate=0", "--Behaviour:LatencyMinMs=0", "--Behaviour:LatencyMaxMs=0", "--Behaviour:Seed=7"]);
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single() + "/"));
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PaymentGateway:AttemptTimeout"] = "00:00:05", // generous: a starved machine must not turn an answer into a timeout
                ["PaymentGateway:MaxRetryAttempts"] = "0",
                ["PaymentGateway:BreakerMinimumThroughput"] = "2",
                ["PaymentGateway:BreakerFailureRatio"] = "1",
                ["PaymentGateway:Providers:mock-a:BaseUrl"] = _addressA!.ToString(),
                ["PaymentGateway:Providers:mock-a:Methods"] = "card",
                ["PaymentGateway:Providers:mock-a:Priority"] = "1",
                ["PaymentGateway:Providers:mock-b:BaseUrl"] = _addressB!.ToString(),
                ["PaymentGateway:Providers:mock-b:Methods"] = "card,paypal",
                ["PaymentGateway:Providers:mock-b:Priority"] = "2",
            }).Build();
            siloBuilder
                .AddMemoryGrainStorageAsDefault()
                .UseInMemoryReminderService()
                .AddPaymentActors(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(20));
            siloBuilder.Services.AddHttpPaymentGateway(configuration.GetSection(HttpGatewayOptions.SectionName));
        }
    }
}
