namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>Waits for a condition instead of sleeping a fixed time; fails with the last observed value.</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        T last;
        do
        {
            last = await observe();
            if (done(last))
            {
                return last;
            }

            await Task.Yield();
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"Timed out waiting for {what}; last observed: {Describe(last)}");
    }

    private static string Describe<T>(T value) => value switch
    {
        PaymentActors.Metrics.MetricsSnapshot m => string.Join(", ", m.EventCount.Select(e => $"{e.Key}={e.Value}")),
        _ => value?.ToString() ?? "null",
    };
}
