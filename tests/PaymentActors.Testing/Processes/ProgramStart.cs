using System.Diagnostics;

namespace PaymentActors.Testing.Processes;

/// <summary>
/// Starting a child program the tests depend on (Azurite, a silo): start it, read both of its streams, and go on once
/// it prints the line that says it is ready, or fail with what it printed if it exits first or takes too long.
/// </summary>
public static class ProgramStart
{
    /// <summary>
    /// Starts <paramref name="process"/> (its output redirected) and hands every line it prints to
    /// <paramref name="onLine"/>, which answers whether that line means ready. On failure the process is stopped
    /// with <paramref name="stop"/> before the exception is thrown.
    /// </summary>
    public static async Task UntilReadyLineAsync(
        Process process, string name, Func<string, bool> onLine, Func<string> output, TimeSpan timeout, Func<ValueTask> stop)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is not null && onLine(line))
            {
                ready.TrySetResult();
            }
        }

        process.EnableRaisingEvents = true;
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"{name} exited with code {process.ExitCode} before it was ready:\n{output()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(timeout);
        }
        catch
        {
            await stop();
            throw;
        }
    }
}
