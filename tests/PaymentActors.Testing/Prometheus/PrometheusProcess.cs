using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Testing.Prometheus;

/// <summary>
/// A real Prometheus (Debian's package: <c>/usr/bin/prometheus</c>) on a free loopback port with a temporary data and
/// configuration folder, read through its own HTTP API. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly List<string> _lines = [];

    private PrometheusProcess(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>deploy/prometheus in the repository: the shipped configuration, rules and rule tests.</summary>
    public static string DeployFolder => Path.Combine(RepositoryRoot.Find(), "deploy", "prometheus");

    /// <summary>Starts Prometheus with <paramref name="configuration"/> (prometheus.yml) and the files it names, written beside it.</summary>
    public static async Task<PrometheusProcess> StartAsync(string configuration, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"paymentactors-prometheus-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), configuration);
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        }

        var port = LoopbackPorts.Free();
        var startInfo = new ProcessStartInfo("prometheus")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--config.file=prometheus.yml",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--log.level=warn",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        var prometheus = new PrometheusProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => prometheus.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => prometheus.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.UntilAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Prometheus exited ({process.ExitCode}):\n{prometheus.Output}");
                }

                try
                {
                    return (await prometheus.Client.GetAsync("/-/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ready => ready,
            "Prometheus to be ready",
            TimeSpan.FromSeconds(60),
            TimeSpan.FromMilliseconds(200));
        return prometheus;
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines.TakeLast(30));
            }
        }
    }

    /// <summary>Every alerting rule's state (<c>inactive</c>, <c>pending</c>, <c>firing</c>) by alert name, from <c>/api/v1/rules</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AlertStatesAsync()
    {
        using var document = await Client.GetFromJsonAsync<JsonDocument>("/api/v1/rules?type=alert")
            ?? throw new InvalidOperationException("Prometheus answered no rules.");
        return document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray())
            .ToDictionary(rule => rule.GetProperty("name").GetString()!, rule => rule.GetProperty("state").GetString()!, StringComparer.Ordinal);
    }

    /// <summary>The values of an instant query's series (its labels left out), from <c>/api/v1/query</c>.</summary>
    public async Task<IReadOnlyList<double>> QueryAsync(string promql)
    {
        using var document = await Client.GetFromJsonAsync<JsonDocument>($"/api/v1/query?query={Uri.EscapeDataString(promql)}")
            ?? throw new InvalidOperationException("Prometheus answered nothing.");
        return [.. document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => double.Parse(series.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
