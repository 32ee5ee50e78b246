using Microsoft.AspNetCore.Builder;
using PaymentActors.MockGateway;
using PaymentActors.Testing.Azurite;
using PaymentActors.Testing.Cluster;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The system as <c>./run.sh --silos 3</c> runs it: three PaymentActors.Silo processes in one cluster whose membership,
/// grain state and reminders are on a real Azurite, the HTTP mock gateway (it outlives any silo, like a real one), and
/// the front door in this process as a pure Orleans client (<c>Orleans:Mode=Client</c>) over real HTTP. Recovery
/// looks for interrupted sagas every second, so that a killed silo's payments resume within a test.
/// </summary>
public sealed class ClientModeApiFixture : ApiFixture
{
    public const int SiloCount = 3;

    private readonly string _azuriteData = Path.Combine(Path.GetTempPath(), "paymentactors-cluster-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly string _clusterId = "cluster-tests-" + Guid.NewGuid().ToString("N")[..12];
    private AzuriteProcess? _azurite;
    private WebApplication? _gateway;

    /// <summary>The mock gateway, for its admin and lookup routes.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    protected override IEnumerable<string> Settings =>
    [
        "--Orleans:Mode=Client",
        $"--Orleans:ClusterId={_clusterId}",
        "--Storage:Provider=AzureTables",
        $"--ConnectionStrings:AzureTables={_azurite!.ConnectionString}",
    ];

    protected override async Task StartDependenciesAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(_azuriteData);

        // Charges take 100–400 ms, as a remote gateway would, so that sagas are between their steps when a silo dies.
        _gateway = MockGatewayApp.Create(
        [
            "--urls=http://127.0.0.1:0",
            "--Behaviour:FailRate=0",
            "--Behaviour:LatencyMinMs=100",
            "--Behaviour:LatencyMaxMs=400",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _gateway.StartAsync();
        Gateway = new HttpClient { BaseAddress = new Uri(_gateway.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        string[] siloSettings =
        [
            $"--Orleans:ClusterId={_clusterId}",
            "--Storage:Provider=AzureTables",
            $"--ConnectionStrings:AzureTables={_azurite.ConnectionString}",
            "--Gateway:Mode=Http",
            $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
            "--Orleans:MinimumReminderPeriod=00:00:01",
            "--PaymentActors:RecoveryCheckPeriod=00:00:01",
            "--PaymentActors:RecoveryGracePeriod=00:00:03",
            "--PaymentActors:RetryBaseDelay=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:PaymentActors.Silo=Information",
        ];
        Silos = await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(_ => SiloProcess.StartAsync(siloSettings)));
    }

    protected override async Task StopDependenciesAsync()
    {
        await Task.WhenAll(Silos.Select(silo => silo.DisposeAsync().AsTask()));
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
