using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The API (co-hosting its silo, in-memory storage) behind the HTTP mock gateway, with a management listener for
/// Prometheus to scrape without a token, as run.sh starts it. The breaker pauses 1 s and the failed-event gauge is
/// refreshed every second, so that an outage, its alerts and their end fit in a test.
/// </summary>
public sealed class PrometheusAlertFixture : ApiFixture
{
    private WebApplication? _gateway;

    public int ManagementPort { get; } = LoopbackPorts.Free();

    /// <summary>The mock gateway, for its admin routes (POST /admin/behaviour).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    protected override IEnumerable<string> Settings =>
    [
        $"--Management:Urls=http://127.0.0.1:{ManagementPort}",
        "--Gateway:Mode=Http",
        $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
        "--PaymentGateway:RetryBaseDelay=00:00:00.005",
        "--PaymentGateway:RetryMaxDelay=00:00:00.020",
        "--PaymentGateway:BreakerBreakDuration=00:00:01",
        "--PaymentActors:RetryBaseDelay=00:00:00.005",
        "--Api:FailedEventsGaugePeriod=00:00:01",
    ];

    protected override string SelectBaseAddress(ICollection<string> urls) => urls.Single(url => new Uri(url).Port != ManagementPort);

    protected override async Task StartDependenciesAsync()
    {
        _gateway = MockGatewayApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            "--Behaviour:FailRate=0",
            "--Behaviour:LatencyMinMs=0",
            "--Behaviour:LatencyMaxMs=2",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _gateway.StartAsync();
        Gateway = new HttpClient { BaseAddress = new Uri(_gateway.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
    }

    protected override async Task StopDependenciesAsync()
    {
        Gateway?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
            await _gateway.DisposeAsync();
        }
    }
}
