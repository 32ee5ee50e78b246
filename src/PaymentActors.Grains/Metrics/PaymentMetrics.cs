using System.Diagnostics.Metrics;
using PaymentActors.Events;

namespace PaymentActors.Grains.Metrics;

/// <summary>Seed 000's metrics as System.Diagnostics.Metrics instruments on the meter "PaymentActors".</summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "PaymentActors";

    private readonly Counter<long> _events;
    private readonly Counter<double> _amount;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;

    public PaymentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("paymentactors.events", "{event}", "EventCount: events seen, by event type.");
        // Exporters carry no decimal type, and a long of minor units overflows (~9,300 deposits of 10^12 KWD): the exported
        // instrument is a double in major units, an approximation like every Prometheus sample. The exact sums, in
        // decimal, are the cluster summary (GET /metrics/summary, MetricsCollectorGrain).
        _amount = meter.CreateCounter<double>("paymentactors.payment.amount", "{currency_unit}", "PaymentAmount: amounts carried by events in the currency's major units (approximate; exact figures at /metrics/summary), by event type and currency.");
        _success = meter.CreateCounter<long>("paymentactors.payment.success", "{payment}", "PaymentSuccess: completed payments.");
        _failure = meter.CreateCounter<long>("paymentactors.payment.failure", "{payment}", "PaymentFailure: failed payments, by failure type.");
    }

    public void Record(PaymentEvent paymentEvent)
    {
        var type = new KeyValuePair<string, object?>("event_type", paymentEvent.Type);
        _events.Add(1, type);
        _amount.Add((double)paymentEvent.Amount, type, new KeyValuePair<string, object?>("currency", paymentEvent.Currency));
        if (paymentEvent.Type == EventTypes.PaymentCompleted)
        {
            _success.Add(1);
        }
        else if (paymentEvent.Type == EventTypes.PaymentFailed)
        {
            _failure.Add(1, new KeyValuePair<string, object?>("failure_type", paymentEvent.Reason ?? "unknown"));
        }
    }
}
