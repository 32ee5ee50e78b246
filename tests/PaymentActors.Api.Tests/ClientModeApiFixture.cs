using PaymentActors.Testing.Cluster;
using PaymentActors.Testing.Telemetry;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The system as <c>./run.sh --silos 3</c> runs it: three PaymentActors.Silo processes in one cluster whose membership,
/// grain state and reminders are on a real Azurite, the HTTP mock gateway (it outlives any silo, like a real one), and
/// the front door in this process as a pure Orleans client (<c>Orleans:Mode=Client</c>) over real HTTP. Recovery
/// looks for interrupted sagas every second, so that a killed silo's payments resume within a test. The front door,
/// the silos and the mock gateway export their traces over OTLP to <see cref="Traces"/>, as they would to a collector.
/// </summary>
public sealed class ClientModeApiFixture : ApiFixture
{
    public const int SiloCount = 3;

    private readonly string _clusterId = "cluster-tests-" + Guid.NewGuid().ToString("N")[..12];
    private AzuriteAndMockGateway? _dependencies;
    private string[] _siloSettings = [];

    /// <summary>The mock gateway, for its admin and lookup routes.</summary>
    public HttpClient Gateway => _dependencies!.Gateway;

    /// <summary>Every silo process started, the stopped ones included.</summary>
    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    /// <summary>The loopback management listener (dashboard, /metrics without a token), as run.sh starts it.</summary>
    public Uri ManagementAddress { get; } = new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    /// <summary>The spans every process of the system exported.</summary>
    public OtlpTraceReceiver Traces { get; } = OtlpTraceReceiver.Start();

    protected override IEnumerable<string> Settings =>
    [
        "--Orleans:Mode=Client",
        $"--Orleans:ClusterId={_clusterId}",
        "--Storage:Provider=AzureTables",
        $"--ConnectionStrings:AzureTables={_dependencies!.ConnectionString}",
        $"--Management:Urls={ManagementAddress}",
        .. Traces.Settings,
    ];

    protected override string SelectBaseAddress(ICollection<string> urls) => urls.Single(url => new Uri(url).Port != ManagementAddress.Port);

    protected override async Task StartDependenciesAsync()
    {
        // Charges take 100–400 ms, as a remote gateway would, so that sagas are between their steps when a silo dies.
        _dependencies = await AzuriteAndMockGateway.StartAsync("cluster", 100, 400, Traces.Settings);

        _siloSettings =
        [
            $"--Orleans:ClusterId={_clusterId}",
            "--Storage:Provider=AzureTables",
            $"--ConnectionStrings:AzureTables={_dependencies.ConnectionString}",
            "--Gateway:Mode=Http",
            $"--PaymentGateway:BaseUrl={Gateway.BaseAddress}",
            "--Orleans:MinimumReminderPeriod=00:00:01",
            "--PaymentActors:RecoveryCheckPeriod=00:00:01",
            "--PaymentActors:RecoveryGracePeriod=00:00:03",
            "--PaymentActors:RetryBaseDelay=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:PaymentActors.Silo=Information",
            // JSON lines, as an operator would collect them; a payment's ending (Debug) is the line the tests look for.
            "--Logging:Console:FormatterName=json",
            "--Logging:LogLevel:PaymentActors.Grains.Payments=Debug",
            .. Traces.Settings,
        ];
        Silos = await Task.WhenAll(Enumerable.Range(0, SiloCount).Select(_ => SiloProcess.StartAsync(_siloSettings)));
    }

    /// <summary>
    /// Starts silos with the same settings until <see cref="SiloCount"/> are running again (a test before may have
    /// stopped one), and returns the running ones.
    /// </summary>
    public async Task<IReadOnlyList<SiloProcess>> RunningSilosAsync()
    {
        var running = Silos.Where(silo => !silo.HasExited).ToList();
        var started = await Task.WhenAll(Enumerable.Range(0, SiloCount - running.Count).Select(_ => SiloProcess.StartAsync(_siloSettings)));
        Silos = [.. Silos, .. started];
        return [.. running, .. started];
    }

    protected override async Task StopDependenciesAsync()
    {
        await Task.WhenAll(Silos.Select(silo => silo.DisposeAsync().AsTask()));
        if (_dependencies is not null)
        {
            await _dependencies.DisposeAsync();
        }

        await Traces.DisposeAsync();
    }
}
