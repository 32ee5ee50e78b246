using System.Diagnostics;
using System.Text;
using PaymentActors.Testing.Processes;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>
/// Prism in proxy mode on a free loopback port: it forwards every request to the app and validates the request and the
/// answer against the document, reporting what disagrees in the answer's <c>sl-violations</c> header.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PrismProxy> StartAsync(string documentFile, Uri upstream)
    {
        var port = LoopbackPorts.Free();
        var startInfo = new ProcessStartInfo(ContractTools.Executable("prism"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "proxy", documentFile, upstream.ToString().TrimEnd('/'), "--host", "127.0.0.1", "--port", port.ToString() })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var prism = new PrismProxy(new Process { StartInfo = startInfo }, new Uri($"http://127.0.0.1:{port}"));
        await ProgramStart.UntilReadyLineAsync(
            prism._process, "Prism", line => prism.Keep(line).Contains("Prism is listening", StringComparison.Ordinal), () => prism.Output, StartTimeout, prism.DisposeAsync);
        return prism;
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

    public async ValueTask DisposeAsync() => await GracefulStop.StopAndDisposeAsync(_process, TimeSpan.FromSeconds(5));

    private string Keep(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }

        return line;
    }
}
