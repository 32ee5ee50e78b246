using System.Diagnostics;
using System.Diagnostics.Metrics;
using PaymentActors.Gateway.Http.Circuit;

namespace PaymentActors.Gateway.Http.Diagnostics;

/// <summary>The adapter's instruments on the <see cref="GatewayInstruments.MeterName"/> meter, tagged with the provider.</summary>
internal sealed class GatewayMetrics
{
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _retries;

    public GatewayMetrics(IMeterFactory meterFactory, GatewayProviderCircuits circuits)
    {
        var meter = meterFactory.Create(GatewayInstruments.MeterName);
        meter.CreateObservableGauge(
            GatewayInstruments.CircuitState,
            () => circuits.All.Select(pair => new Measurement<int>((int)pair.Value.Status, new KeyValuePair<string, object?>("provider", pair.Key))),
            unit: "{state}",
            description: "Gateway circuit breaker by provider: 0 closed, 1 open, 2 half-open, 3 isolated.");
        _transitions = meter.CreateCounter<long>(
            GatewayInstruments.CircuitTransitions, unit: "{transition}", description: "Gateway circuit breaker transitions.");
        _calls = meter.CreateCounter<long>(
            GatewayInstruments.Calls, unit: "{call}", description: "Gateway calls by provider, operation and outcome.");
        _callDuration = meter.CreateHistogram<double>(
            GatewayInstruments.CallDuration, unit: "s", description: "Gateway call duration, retries included.");
        _retries = meter.CreateCounter<long>(
            GatewayInstruments.Retries, unit: "{retry}", description: "Gateway attempts retried after a transient failure.");
    }

    public void RecordCall(string provider, GatewayOperation operation, GatewayStatus outcome, TimeSpan duration)
    {
        var tags = new TagList { { "provider", provider }, { "operation", GatewayTagValues.Of(operation) }, { "outcome", GatewayTagValues.Of(outcome) } };
        _calls.Add(1, tags);
        _callDuration.Record(duration.TotalSeconds, tags);
    }

    public void RecordTransition(string provider, GatewayCircuitStatus to) =>
        _transitions.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("state", GatewayTagValues.Of(to)));

    public void RecordRetry(string provider, string operation) =>
        _retries.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("operation", operation));
}
