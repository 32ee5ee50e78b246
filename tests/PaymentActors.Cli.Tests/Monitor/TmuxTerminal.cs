using System.Diagnostics;
using System.Text.RegularExpressions;
using PaymentActors.Testing;

namespace PaymentActors.Cli.Tests.Monitor;

/// <summary>
/// A real terminal: a detached tmux server of its own (its own socket), where each command runs in a fresh window
/// of a plain bash, typed with send-keys and read back with capture-pane, as a person would see it.
/// </summary>
public sealed partial class TmuxTerminal : IAsyncDisposable
{
    private const string Session = "monitor";
    private readonly string _socket = "paymentactors-cli-tests-" + Guid.NewGuid().ToString("N")[..12];
    private int _windows;

    public static async Task<TmuxTerminal> StartAsync(int width = 160, int height = 60)
    {
        var terminal = new TmuxTerminal();
        await terminal.TmuxAsync("-u", "new-session", "-d", "-s", Session, "-x", width.ToString(), "-y", height.ToString(), "bash --noprofile --norc");
        return terminal;
    }

    /// <summary>
    /// Types <paramref name="command"/> in a new window and waits for it to end: the screen's text and the exit code.
    /// <paramref name="environment"/> is set in the window's shell beforehand (so that a token is not on the screen).
    /// </summary>
    public async Task<(string Screen, int ExitCode)> RunAsync(string command, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            await TmuxAsync("set-environment", "-g", name, value ?? "");
        }

        var window = $"{Session}:w{Interlocked.Increment(ref _windows)}";
        await TmuxAsync("new-window", "-d", "-t", Session, "-n", window[(Session.Length + 1)..], "bash --noprofile --norc");
        // Typed once the shell shows its prompt, so the keys are not echoed twice.
        await Eventually.UntilAsync(() => TmuxAsync("capture-pane", "-p", "-t", window), screen => !string.IsNullOrWhiteSpace(screen), "the shell's prompt");

        await TmuxAsync("send-keys", "-t", window, "-l", $"{command}; echo \"__EXIT=$?__\"");
        await TmuxAsync("send-keys", "-t", window, "Enter");

        var ended = await Eventually.UntilAsync(
            () => TmuxAsync("capture-pane", "-p", "-J", "-S", "-", "-t", window),
            screen => ExitMarker().IsMatch(screen),
            $"`{command}` to end (the screen it shows)",
            timeout,
            TimeSpan.FromMilliseconds(100));
        var exit = ExitMarker().Match(ended);
        return (ended[..exit.Index], int.Parse(exit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task<string> TmuxAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-L");
        startInfo.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // UTF-8, so that the monitor's marks are what a person sees; no inherited TMUX (tests may run inside tmux).
        startInfo.Environment["LANG"] = "C.UTF-8";
        startInfo.Environment.Remove("TMUX");
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error}");
    }

    // The echoed command line shows "$?"; only the output line has digits.
    [GeneratedRegex(@"__EXIT=(\d+)__")]
    private static partial Regex ExitMarker();
}
