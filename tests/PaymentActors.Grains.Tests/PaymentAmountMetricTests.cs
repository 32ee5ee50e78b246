using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Events;
using PaymentActors.Grains.Metrics;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Tests;

/// <summary>PaymentAmount past what a long of minor units holds: 10,000 deposits of ~10^12 KWD (3 decimals) is ~10^19 fils.</summary>
public sealed class PaymentAmountMetricTests
{
    private const int Deposits = 10_000;
    private const decimal Amount = 999_999_999_999.999m;

    [Fact]
    public void A_sum_beyond_long_minor_units_is_exported_without_wrapping_and_stays_exact_in_the_summary()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new PaymentMetrics(services.GetRequiredService<IMeterFactory>());
        var exported = 0d;
        var exportedAsLong = 0L;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PaymentMetrics.MeterName && instrument.Name == "paymentactors.payment.amount")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // An exporter sums in the instrument's type, as this listener does: a long instrument wraps past 9.2 * 10^18.
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => exported += value);
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => exportedAsLong = unchecked(exportedAsLong + value));
        listener.Start();

        var deposit = new PaymentEvent("evt_1", EventTypes.FundsDeposited, "dep_1", "alice", Amount, "KWD", DateTimeOffset.UnixEpoch);
        var summary = MetricsSnapshot.Empty;
        var partition = new MetricsSnapshot(new Dictionary<string, long>(), [new AmountByCurrency(deposit.Type, deposit.Currency, deposit.Amount)], 0, new Dictionary<string, long>());
        for (var i = 0; i < Deposits; i++)
        {
            metrics.Record(deposit);
            summary = summary.Merge(partition);
        }

        var exact = Amount * Deposits;
        Assert.True(exact * 1000 > long.MaxValue);
        Assert.Equal(9_999_999_999_999_990.000m, summary.PaymentAmount.Single().Total);
        Assert.Equal(0L, exportedAsLong);
        Assert.Equal((double)exact, exported, (double)exact * 1e-9);
    }
}
