namespace PaymentActors.Api.Tests;

/// <summary>
/// Waits for a condition that the system reaches on its own (stream-fed metrics, a reservation appearing)
/// by asking again until it holds or the deadline passes; each ask is a real HTTP round trip.
/// </summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Yield();
        }
    }
}
