using PaymentActors.Testing.Processes;
using System.Diagnostics;
using System.Text;

namespace PaymentActors.Testing.Azurite;

/// <summary>
/// One Azurite started from the repository's azurite/node_modules on free loopback ports. Ready means Azurite printed
/// that its Table service listens; stopping kills its whole process tree.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, int tablePort)
    {
        _process = process;
        TablePort = tablePort;
    }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(string dataFolder)
    {
        var executable = Path.Combine(RepositoryRoot.Find(), "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run `npm ci` in azurite/ (./test.sh does it for you).");
        }

        Directory.CreateDirectory(dataFolder);
        var (blobPort, queuePort, tablePort) = (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
                     "--location", dataFolder, "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var azurite = new AzuriteProcess(process, tablePort);
        var readyLine = $"Table service is successfully listening at http://127.0.0.1:{tablePort}";
        await ProgramStart.UntilReadyLineAsync(
            process, "Azurite", line => azurite.Keep(line).Contains(readyLine, StringComparison.Ordinal), () => azurite.Output, StartTimeout, azurite.DisposeAsync);
        return azurite;
    }

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

    /// <summary>
    /// Stops Azurite the way Ctrl+C would (SIGTERM), so it flushes its database to the data folder, as a real restart
    /// does; kills the process tree only if it does not exit in time.
    /// </summary>
    public async ValueTask DisposeAsync() => await GracefulStop.StopAndDisposeAsync(_process, GracefulStopTimeout);

    private string Keep(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        return line;
    }
}
