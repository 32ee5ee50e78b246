using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace PaymentActors.Testing.Browser;

/// <summary>
/// Debian's Chromium, headless, driven over the DevTools protocol the way a person uses a page: navigate, type into a
/// field, click, and see the requests the page sends (<c>Network.*</c> events, once <c>Network.enable</c> is sent).
/// Each instance is a fresh browser with its own temporary profile, deleted on dispose. The protocol needs no package:
/// a WebSocket and JSON.
/// </summary>
public sealed class ChromiumDevTools : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _lastId;

    private ChromiumDevTools(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The events the page has sent so far, each <c>{"method": ..., "params": ...}</c>, oldest first.</summary>
    public IReadOnlyList<JsonElement> Events => [.. _events];

    /// <summary>Starts the browser on a blank page and connects to that page.</summary>
    public static async Task<ChromiumDevTools> StartAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            throw new InvalidOperationException($"{HeadlessChromium.Executable} is missing: install the Debian package chromium (.ci/run does).");
        }

        var profile = Directory.CreateTempSubdirectory("paymentactors-chromium-");
        var startInfo = new ProcessStartInfo(HeadlessChromium.Executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={profile.FullName}", "--window-size=1400,1000", "--remote-debugging-port=0", "about:blank",
                 })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var browser = new ChromiumDevTools(Process.Start(startInfo)!, profile);
        try
        {
            // Its output is not needed, but an unread pipe would block it once full.
            _ = browser._process.StandardOutput.ReadToEndAsync();
            _ = browser._process.StandardError.ReadToEndAsync();
            await browser.ConnectAsync();
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a protocol command and returns its result.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
        return await answer.Task.WaitAsync(CommandTimeout);
    }

    /// <summary>Evaluates JavaScript in the page (awaiting a promise) and returns its value; a thrown error fails.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page threw on `{expression}`: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    /// <summary>Waits until <paramref name="condition"/> (JavaScript) is true in the page.</summary>
    public Task WaitUntilAsync(string condition, string what, TimeSpan timeout) =>
        Eventually.UntilAsync(() => EvaluateAsync(condition), value => value.ValueKind == JsonValueKind.True, what, timeout, TimeSpan.FromMilliseconds(100));

    /// <summary>Saves a PNG of what the page shows now.</summary>
    public async Task ScreenshotAsync(string file)
    {
        var shot = await SendAsync("Page.captureScreenshot", new { format = "png" });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllBytesAsync(file, shot.GetProperty("data").GetBytesFromBase64());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The socket closes with the browser.
        }

        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _stop.Dispose();
        _profile.Delete(recursive: true);
    }

    private async Task ConnectAsync()
    {
        // With port 0 the browser picks a free port and writes it, with its own path, to DevToolsActivePort.
        var activePort = Path.Combine(_profile.FullName, "DevToolsActivePort");
        var lines = await Eventually.UntilAsync(
            () => Task.FromResult(File.Exists(activePort) ? File.ReadAllLines(activePort) : []),
            found => found.Length >= 2 || _process.HasExited,
            "Chromium to write its DevTools port",
            CommandTimeout,
            TimeSpan.FromMilliseconds(50));
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"Chromium exited ({_process.ExitCode}) before it opened its DevTools port.");
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{lines[0].Trim()}/") };
        using var targets = JsonDocument.Parse(await http.GetStringAsync("json/list"));
        var page = targets.RootElement.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
        await _socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), _stop.Token);
        _receiving = ReceiveAsync();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested)
        {
            var received = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            using var document = JsonDocument.Parse(message.ToArray());
            var root = document.RootElement.Clone();
            message.SetLength(0);
            if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var answer))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    answer.SetException(new InvalidOperationException($"DevTools refused the command: {error}"));
                }
                else
                {
                    answer.SetResult(root.GetProperty("result"));
                }
            }
            else
            {
                _events.Enqueue(root);
            }
        }
    }
}
