using PaymentActors.Testing.Processes;
using System.Diagnostics;
using System.Text;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Testing.Cluster;

/// <summary>
/// One PaymentActors.Silo process, started from the silo project's own build output (the same configuration as the
/// test binaries). Ready once the silo logs that it is active; <see cref="Kill"/> is SIGKILL, with no goodbye to the
/// cluster, <see cref="TerminateAsync"/> is SIGTERM; disposing stops it gracefully if it is still running.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const string ReadyLine = "is active in cluster";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort, int metricsPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        MetricsUrl = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The silo's Prometheus text (<c>Metrics:Port</c>).</summary>
    public Uri MetricsUrl { get; }

    /// <summary>The silo's address as GET /cluster shows it, once it is active (IP:port@generation).</summary>
    public string Address { get; private set; } = "";

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo on free loopback ports with <paramref name="settings"/> (command-line configuration, "--Key=value").</summary>
    public static async Task<SiloProcess> StartAsync(IEnumerable<string> settings)
    {
        var silo = ProgramProcess.PathOf("PaymentActors.Silo");
        var (siloPort, gatewayPort, metricsPort) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(silo);
        foreach (var argument in settings.Concat([$"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}", "--Orleans:AdvertisedIP=127.0.0.1", $"--Metrics:Port={metricsPort}"]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The console logger's default format puts the message on the line after the category; one line per entry is easier to match.
        startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        startInfo.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var process = new Process { StartInfo = startInfo };
        var siloProcess = new SiloProcess(process, siloPort, gatewayPort, metricsPort);
        await ProgramStart.UntilReadyLineAsync(process, "The silo", siloProcess.OnOutput, () => siloProcess.Output, StartTimeout, siloProcess.DisposeAsync);
        return siloProcess;
    }

    /// <summary>SIGKILL: the process vanishes mid-work; the other silos must notice on their own.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as a rolling restart, a scale-down or a Kubernetes eviction sends: the silo is asked to leave.</summary>
    public async Task TerminateAsync()
    {
        using var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        await terminate.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync() => await GracefulStop.StopAndDisposeAsync(_process, GracefulStopTimeout);

    /// <summary>Keeps the line; true when it is the one that says the silo is active (and gives its address).</summary>
    private bool OnOutput(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        var at = line.IndexOf(ReadyLine, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        // "Silo 127.0.0.1:port@generation is active in cluster ..."
        Address = line[..at].TrimEnd().Split(' ')[^1];
        return true;
    }
}
