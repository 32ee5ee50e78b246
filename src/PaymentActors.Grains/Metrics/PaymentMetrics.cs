using System.Diagnostics.Metrics;
using PaymentActors.Events;

namespace PaymentActors.Grains.Metrics;

/// <summary>Seed 000's metrics as System.Diagnostics.Metrics instruments on the meter "PaymentActors".</summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "PaymentActors";

    public const string DurationInstrument = "paymentactors.payment.duration";

    private static readonly double[] DurationBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Counter<long> _events;
    private readonly Counter<double> _amount;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;
    private readonly Histogram<double> _duration;

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
        // Buckets in seconds around the 500 ms alert (deploy/prometheus): OpenTelemetry's defaults are meant for milliseconds.
        _duration = meter.CreateHistogram<double>(
            DurationInstrument,
            "s",
            "Payment latency: from payment.initiated (or an operator's payment.retried) to its ending (completed, failed, cancelled), on the payment's clock.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void RecordDuration(TimeSpan duration) => _duration.Record(Math.Max(0, duration.TotalSeconds));

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
