using System.Diagnostics.Metrics;
using PaymentActors.Events;
using PaymentActors.Money;

namespace PaymentActors.Grains.Metrics;

/// <summary>Seed 000's metrics as System.Diagnostics.Metrics instruments on the meter "PaymentActors".</summary>
public sealed class PaymentMetrics
{
    public const string MeterName = "PaymentActors";

    private readonly Counter<long> _events;
    private readonly Counter<long> _amount;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;

    public PaymentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("paymentactors.events", "{event}", "EventCount: events seen, by event type.");
        // Exporters carry no decimal type and money must stay exact: it is counted in minor units (cents).
        _amount = meter.CreateCounter<long>("paymentactors.payment.amount", "{minor_unit}", "PaymentAmount: amounts carried by events in the currency's minor units, by event type and currency.");
        _success = meter.CreateCounter<long>("paymentactors.payment.success", "{payment}", "PaymentSuccess: completed payments.");
        _failure = meter.CreateCounter<long>("paymentactors.payment.failure", "{payment}", "PaymentFailure: failed payments, by failure type.");
    }

    public void Record(PaymentEvent paymentEvent)
    {
        var type = new KeyValuePair<string, object?>("event_type", paymentEvent.Type);
        _events.Add(1, type);
        _amount.Add(ToMinorUnits(paymentEvent.Amount, paymentEvent.Currency), type, new KeyValuePair<string, object?>("currency", paymentEvent.Currency));
        if (paymentEvent.Type == EventTypes.PaymentCompleted)
        {
            _success.Add(1);
        }
        else if (paymentEvent.Type == EventTypes.PaymentFailed)
        {
            _failure.Add(1, new KeyValuePair<string, object?>("failure_type", paymentEvent.Reason ?? "unknown"));
        }
    }

    private static long ToMinorUnits(decimal amount, string currencyCode)
    {
        var digits = CurrencyCatalog.TryGet(currencyCode, out var currency) ? currency.MinorUnits : 2;
        var scale = 1m;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        return (long)(amount * scale);
    }
}
