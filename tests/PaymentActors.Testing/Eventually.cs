using System.Diagnostics;

namespace PaymentActors.Testing;

/// <summary>
/// Waits for a condition the system reaches on its own by observing it again until it holds, instead of sleeping a
/// fixed time; on timeout it fails with the last observed value. The one poll loop of the tests.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Short, so a test goes on as soon as the condition holds; long enough not to spin on two cores.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Observes until <paramref name="done"/> holds and returns what satisfied it. An exception from
    /// <paramref name="observe"/> ends the wait at once (so an observer can fail early, e.g. when a process exits).
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var last = await observe();
            if (done(last))
            {
                return last;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {what}; last observed: {Describe(last)}");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    private static string Describe<T>(T value)
    {
        var text = value switch
        {
            PaymentActors.Metrics.MetricsSnapshot m => string.Join(", ", m.EventCount.Select(e => $"{e.Key}={e.Value}")),
            _ => value?.ToString() ?? "null",
        };

        // A page's DOM or a long list would bury the message.
        return text.Length <= 2000 ? text : text[..2000] + " …";
    }
}
