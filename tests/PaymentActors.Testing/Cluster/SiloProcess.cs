using PaymentActors.Testing.Processes;
using System.Diagnostics;
using System.Text;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Testing.Cluster;

/// <summary>
/// One PaymentActors.Silo process, started from the silo project's own build output (the same configuration as the
/// test binaries). Ready once the silo logs that it is active; <see cref="Kill"/> is SIGKILL, with no goodbye to the
/// cluster; disposing stops it gracefully if it is still running.
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
        var silo = SiloDll();
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
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var siloProcess = new SiloProcess(process, siloPort, gatewayPort, metricsPort);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) => siloProcess.OnOutput(line.Data, ready);
        process.ErrorDataReceived += (_, line) => siloProcess.OnOutput(line.Data, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"The silo exited with code {process.ExitCode} before it was active:\n{siloProcess.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await siloProcess.DisposeAsync();
            throw;
        }

        return siloProcess;
    }

    /// <summary>SIGKILL: the process vanishes mid-work; the other silos must notice on their own.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync() => await GracefulStop.StopAndDisposeAsync(_process, GracefulStopTimeout);

    /// <summary>src/PaymentActors.Silo/bin/{configuration}/{framework}/PaymentActors.Silo.dll, matching the running tests' own.</summary>
    private static string SiloDll()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent ?? throw new InvalidOperationException($"Unexpected test folder {AppContext.BaseDirectory}.");
        var dll = Path.Combine(RepositoryRoot.Find(), "src", "PaymentActors.Silo", "bin", configuration.Name, framework.Name, "PaymentActors.Silo.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"No silo at {dll}: reference src/PaymentActors.Silo from the test project (ReferenceOutputAssembly=false) so that it is built.");
    }

    private void OnOutput(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        var at = line.IndexOf(ReadyLine, StringComparison.Ordinal);
        if (at >= 0)
        {
            // "Silo 127.0.0.1:port@generation is active in cluster ..."
            var words = line[..at].TrimEnd().Split(' ');
            Address = words[^1];
            ready.TrySetResult();
        }
    }
}
