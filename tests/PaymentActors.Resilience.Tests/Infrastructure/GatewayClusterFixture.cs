using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Grains.Hosting;
using PaymentActors.MockGateway;

namespace PaymentActors.Resilience.Tests.Infrastructure;

/// <summary>
/// The real mock gateway on a loopback port and a silo that charges it over HTTP through the resilient adapter,
/// with a short attempt timeout and a breaker that opens after a few failures, so that every failure path runs in seconds.
/// </summary>
public sealed class GatewayClusterFixture : IAsyncLifetime
{
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromMilliseconds(300);
    private static Uri? _gatewayAddress;
    private WebApplication _gateway = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public HttpClient GatewayAdmin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _gateway = MockGatewayApp.Create([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Behaviour:FailRate=0", "--Behaviour:LatencyMinMs=0", "--Behaviour:LatencyMaxMs=0", "--Behaviour:Seed=7"]);
        await _gateway.StartAsync();
        _gatewayAddress = new Uri(_gateway.Urls.Single() + "/");
        GatewayAdmin = new HttpClient { BaseAddress = _gatewayAddress };

        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        GatewayAdmin.Dispose();
        await _gateway.StopAsync();
        await _gateway.DisposeAsync();
    }

    /// <summary>Changes the gateway's behaviour at run time, as an operator would with curl.</summary>
    public async Task SetGatewayAsync(object behaviour)
    {
        using var response = await GatewayAdmin.PostAsJsonAsync("admin/behaviour", behaviour);
        response.EnsureSuccessStatusCode();
    }

    public async Task<long> GatewayStatAsync(string name)
    {
        using var stats = JsonDocument.Parse(await GatewayAdmin.GetStringAsync("admin/stats"));
        return stats.RootElement.GetProperty(name).GetInt64();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder
                .AddMemoryGrainStorageAsDefault()
                .UseInMemoryReminderService()
                .AddPaymentActors(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(20));
            siloBuilder.Services.AddHttpPaymentGateway(o =>
            {
                o.BaseUrl = _gatewayAddress!.ToString();
                o.AttemptTimeout = AttemptTimeout;
                o.MaxRetryAttempts = 1;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
                o.BreakerFailureRatio = 0.5;
                o.BreakerMinimumThroughput = 4;
                o.BreakerSamplingDuration = TimeSpan.FromSeconds(1);
                o.BreakerBreakDuration = TimeSpan.FromSeconds(2);
            });
        }
    }
}
