namespace PaymentActors.Api.Tests;

/// <summary>
/// The API as run.sh starts it, in one test process: Azure Table storage on a real Azurite (free ports, a temporary
/// data folder) and the HTTP mock gateway behind the resilient adapter. Retry delays are short and the breaker's
/// pause is 1 s so that an outage and its recovery fit in a test.
/// </summary>
public sealed class AzureStackApiFixture : ApiFixture
{
    private AzuriteAndMockGateway? _dependencies;

    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(1);

    /// <summary>The mock gateway, for its admin routes (POST /admin/behaviour).</summary>
    public HttpClient Gateway => _dependencies!.Gateway;

    protected override IEnumerable<string> Settings =>
    [
        "--Storage:Provider=AzureTables",
        $"--ConnectionStrings:AzureTables={_dependencies!.ConnectionString}",
        "--Gateway:Mode=Http",
        $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
        "--PaymentGateway:RetryBaseDelay=00:00:00.005",
        "--PaymentGateway:RetryMaxDelay=00:00:00.020",
        $"--PaymentGateway:BreakerBreakDuration={BreakDuration}",
        "--PaymentActors:RetryBaseDelay=00:00:00.005",
    ];

    protected override async Task StartDependenciesAsync() => _dependencies = await AzuriteAndMockGateway.StartAsync("api", 0, 2);

    protected override async Task StopDependenciesAsync()
    {
        if (_dependencies is not null)
        {
            await _dependencies.DisposeAsync();
        }
    }
}
