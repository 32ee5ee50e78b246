using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Diagnostics;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task Meter_CountsCallsByOutcomeAndReportsTheCircuitState()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.MaxRetryAttempts = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 1;
        });
        var meterFactory = adapter.Services.GetRequiredService<IMeterFactory>();
        var calls = new ConcurrentBag<(string Operation, string Outcome)>();
        var states = new ConcurrentBag<int>();
        using var listener = new MeterListener
        {
            // Only this adapter's meter: other tests run their own in parallel.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GatewayInstruments.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            if (instrument.Name == GatewayInstruments.Calls)
            {
                var tagged = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
                calls.Add((tagged["operation"], tagged["outcome"]));
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == GatewayInstruments.CircuitState)
            {
                states.Add(value);
            }
        });
        listener.Start();

        await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-m1"), CancellationToken.None);
        await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-m2"), CancellationToken.None);
        await Eventually.UntilAsync(() => Task.FromResult(adapter.Circuit.GetSnapshot()), s => s.Status == GatewayCircuitStatus.Open, "the circuit to open");
        await adapter.Gateway.GetChargeAsync("pay-m1", CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.Equal(2, calls.Count(c => c == ("charge", "unavailable")));
        Assert.Contains(("get_charge", "unavailable"), calls);
        Assert.Contains((int)GatewayCircuitStatus.Open, states);
        Assert.Equal(GatewayStatus.CircuitOpen, (await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-m3"), CancellationToken.None)).Status);
    }
}
