using System.Diagnostics;
using PaymentActors.Testing.Azurite;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>
/// The pinned npm tools of contract-tools/ (Redocly CLI and Prism), installed by ./test.sh with <c>npm ci</c> as
/// Azurite is. Both read the live document the app under test serves.
/// </summary>
public static class ContractTools
{
    public static string Executable(string name)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "contract-tools", "node_modules", ".bin", name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{name} is not installed at {path}. Run `npm ci` in contract-tools/ (./test.sh does it for you).");
        }

        return path;
    }

    /// <summary>Runs a tool to its end from the repository root (so it reads redocly.yaml there); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable(name))
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} {string.Join(' ', arguments)} did not end within 2 minutes.");
        }

        return (process.ExitCode, await output + await error);
    }
}
