using PaymentActors.Events;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// Pairs a payment's start (<c>payment.initiated</c>, or <c>payment.retried</c> for an operator's re-drive) with its
/// ending (completed, failed, cancelled), as one event-stream partition delivers them: a payment's events share a
/// partition and arrive in order. Both times are the payment grain's own clock. A start whose ending never comes (a
/// collector that moved silos) is forgotten past <see cref="Capacity"/> open payments, oldest first.
/// Used from one grain's scheduler only.
/// </summary>
internal sealed class PaymentDurations
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>The payment's duration when <paramref name="paymentEvent"/> ends one whose start was seen, else null.</summary>
    public TimeSpan? Observe(PaymentEvent paymentEvent)
    {
        ArgumentNullException.ThrowIfNull(paymentEvent);
        switch (paymentEvent.Type)
        {
            case EventTypes.PaymentInitiated or EventTypes.PaymentRetried:
                if (_started.TryAdd(paymentEvent.PaymentId, paymentEvent.OccurredAt))
                {
                    _order.Enqueue(paymentEvent.PaymentId);
                    Trim();
                }

                return null;
            case EventTypes.PaymentCompleted or EventTypes.PaymentFailed or EventTypes.PaymentCancelled:
                return _started.Remove(paymentEvent.PaymentId, out var started) ? paymentEvent.OccurredAt - started : null;
            default:
                return null;
        }
    }

    // The queue may name payments that already ended; they are skipped as they come up.
    private void Trim()
    {
        while (_started.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _started.Remove(oldest);
        }

        if (_order.Count > 2 * Capacity)
        {
            var open = _order.Where(_started.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
            _order.Clear();
            open.ForEach(_order.Enqueue);
        }
    }
}
