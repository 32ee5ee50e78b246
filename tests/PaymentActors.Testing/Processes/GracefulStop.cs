using System.Diagnostics;

namespace PaymentActors.Testing.Processes;

/// <summary>Stops a child process the way Ctrl+C would, so it can flush and leave its cluster cleanly.</summary>
public static class GracefulStop
{
    /// <summary>Sends SIGTERM, waits up to <paramref name="timeout"/>, then kills the process tree; disposes the process.</summary>
    public static async Task StopAndDisposeAsync(Process process, TimeSpan timeout)
    {
        try
        {
            if (!process.HasExited)
            {
                using (var terminate = Process.Start("kill", ["-TERM", process.Id.ToString()]))
                {
                    await terminate.WaitForExitAsync();
                }

                try
                {
                    await process.WaitForExitAsync().WaitAsync(timeout);
                }
                catch (TimeoutException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
