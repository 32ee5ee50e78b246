using System.Diagnostics;
using PuppeteerSharp;

namespace PaymentActors.Testing.Browser;

/// <summary>
/// Debian's Chromium, headless, as an operator's browser: each call is a fresh browser (its own temporary profile,
/// deleted afterwards) that loads a page, lets its scripts run for a virtual-time budget, then dumps the DOM or
/// takes a screenshot. No network beyond the page's own origin is needed.
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>
    /// The same Chromium driven by PuppeteerSharp over the DevTools protocol, for a test that types and clicks as a person
    /// does (a fresh temporary profile, deleted when the browser is disposed).
    /// </summary>
    public static Task<IBrowser> LaunchAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package chromium (.ci/run does).");
        }

        return Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Executable,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            DefaultViewport = new ViewPortOptions { Width = 1400, Height = 1000 },
        });
    }

    /// <summary>The page's DOM as rendered after <paramref name="renderBudget"/> of virtual time.</summary>
    public static async Task<string> DumpDomAsync(Uri page, TimeSpan renderBudget) =>
        await RunAsync(page, renderBudget, "--dump-dom");

    /// <summary>Saves a PNG of the page as rendered after <paramref name="renderBudget"/> of virtual time.</summary>
    public static async Task ScreenshotAsync(Uri page, string file, TimeSpan renderBudget, int width = 1400, int height = 1000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await RunAsync(page, renderBudget, $"--screenshot={Path.GetFullPath(file)}", $"--window-size={width},{height}", "--hide-scrollbars");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"Chromium wrote no screenshot of {page} to {file}.");
        }
    }

    private static async Task<string> RunAsync(Uri page, TimeSpan renderBudget, params string[] action)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Executable} is missing: install the Debian package chromium (.ci/run does).");
        }

        var profile = Directory.CreateTempSubdirectory("paymentactors-chromium-");
        try
        {
            var startInfo = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile.FullName}",
                         $"--virtual-time-budget={(int)renderBudget.TotalMilliseconds}",
                     }.Concat(action))
            {
                startInfo.ArgumentList.Add(argument);
            }

            startInfo.ArgumentList.Add(page.ToString());
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(ProcessTimeout);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish with {page} within {ProcessTimeout}: {await error}");
            }

            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"Chromium exited {process.ExitCode} on {page}: {await error}");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
