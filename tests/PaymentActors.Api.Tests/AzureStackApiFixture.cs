using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The API as run.sh starts it, in one test process: Azure Table storage on a real Azurite (free ports, a temporary
/// data folder) and the HTTP mock gateway behind the resilient adapter. Retry delays are short and the breaker's
/// pause is 1 s so that an outage and its recovery fit in a test.
/// </summary>
public sealed class AzureStackApiFixture : ApiFixture
{
    private readonly string _azuriteData = Path.Combine(Path.GetTempPath(), "paymentactors-api-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;
    private WebApplication? _gateway;

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(1);

    /// <summary>The mock gateway, for its admin routes (POST /admin/behaviour).</summary>
    public HttpClient Gateway { get; private set; } = null!;

    protected override IEnumerable<string> Settings =>
    [
        "--Storage:Provider=AzureTables",
        $"--ConnectionStrings:AzureTables={_azurite!.ConnectionString}",
        "--Gateway:Mode=Http",
        $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
        "--PaymentGateway:RetryBaseDelay=00:00:00.005",
        "--PaymentGateway:RetryMaxDelay=00:00:00.020",
        $"--PaymentGateway:BreakerBreakDuration={BreakDuration}",
        "--PaymentActors:RetryBaseDelay=00:00:00.005",
    ];

    protected override async Task StartDependenciesAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(_azuriteData);
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

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_azuriteData))
        {
            Directory.Delete(_azuriteData, recursive: true);
        }
    }
}
