using System.Diagnostics;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Testing.Processes;

/// <summary>
/// One of the solution's programs run as its own process (<c>dotnet src/X/bin/&lt;configuration&gt;/&lt;tfm&gt;/X.dll</c>,
/// built in the configuration of the running tests), its output lines kept. Disposing kills its process tree.
/// </summary>
public sealed class ProgramProcess : IAsyncDisposable
{
    /// <summary>Each readiness probe of a starting program is a request to it: ask a few times a second, not fifty.</summary>
    private static readonly TimeSpan ReadinessInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly List<string> _lines = [];

    private ProgramProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and error, line by line, as written so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The built entry assembly of <paramref name="project"/> (a folder under src/).</summary>
    public static string PathOf(string project)
    {
        // The tests run from tests/<project>/bin/<configuration>/<tfm>/: the programs were built beside them.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), "src", project, "bin", configuration, tfm, project + ".dll");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is not built: build the solution, or reference src/{project} from the test project (ReferenceOutputAssembly=false) so that it is.");
    }

    public static ProgramProcess Start(string project, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(PathOf(project));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var program = new ProgramProcess(process);
        process.OutputDataReceived += (_, e) => program.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => program.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return program;
    }

    /// <summary>Waits until <paramref name="ready"/> answers true; fails early with the output if the process ends.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string what)
    {
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before {what}:\n{RecentOutput()}");
                    }

                    try
                    {
                        return await ready();
                    }
                    catch (HttpRequestException)
                    {
                        return false; // Not listening yet.
                    }
                },
                isReady => isReady,
                what,
                timeout,
                ReadinessInterval);
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message}:\n{RecentOutput()}", timedOut);
        }
    }

    public async ValueTask DisposeAsync()
    {
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
    }

    private string RecentOutput() => string.Join('\n', Lines.TakeLast(30));

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
