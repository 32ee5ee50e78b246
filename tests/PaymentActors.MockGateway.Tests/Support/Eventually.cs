using System.Diagnostics;

namespace PaymentActors.MockGateway.Tests.Support;

/// <summary>Waits on a condition (polling it), never on the clock alone.</summary>
internal static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting for {what}; last seen: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    public static Task<T> WaitForAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        WaitForAsync(() => Task.FromResult(probe()), done, what, timeout);
}
