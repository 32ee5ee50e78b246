using PaymentActors.Events;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Tests;

/// <summary>The payment latency histogram's input: a payment's start paired with its ending, as a collector partition sees them.</summary>
public sealed class PaymentDurationsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_ending_gives_the_time_since_the_payments_start_or_its_operators_retry()
    {
        var durations = new PaymentDurations();

        Assert.Null(durations.Observe(Event(EventTypes.PaymentInitiated, "pay_1", 0)));
        Assert.Null(durations.Observe(Event(EventTypes.FundsReserved, "pay_1", 40)));
        Assert.Equal(TimeSpan.FromMilliseconds(250), durations.Observe(Event(EventTypes.PaymentCompleted, "pay_1", 250)));
        Assert.Null(durations.Observe(Event(EventTypes.PaymentCompleted, "pay_1", 300)));

        Assert.Null(durations.Observe(Event(EventTypes.PaymentFailed, "pay_unseen", 10)));

        Assert.Null(durations.Observe(Event(EventTypes.PaymentRetried, "pay_2", 1_000)));
        Assert.Equal(TimeSpan.FromMilliseconds(700), durations.Observe(Event(EventTypes.PaymentCancelled, "pay_2", 1_700)));
    }

    [Fact]
    public void Starts_that_never_end_are_forgotten_past_the_capacity_oldest_first()
    {
        var durations = new PaymentDurations();
        for (var i = 0; i <= PaymentDurations.Capacity; i++)
        {
            durations.Observe(Event(EventTypes.PaymentInitiated, $"pay_{i}", 0));
        }

        Assert.Null(durations.Observe(Event(EventTypes.PaymentCompleted, "pay_0", 5)));
        Assert.Equal(TimeSpan.FromMilliseconds(5), durations.Observe(Event(EventTypes.PaymentCompleted, "pay_1", 5)));
    }

    private static PaymentEvent Event(string type, string paymentId, int milliseconds) =>
        new($"evt_{Guid.NewGuid():N}", type, paymentId, "alice", 1.00m, "USD", Start.AddMilliseconds(milliseconds));
}
