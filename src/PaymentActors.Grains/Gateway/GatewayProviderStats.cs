using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PaymentActors.Gateway;
using PaymentActors.Grains.Metrics;

namespace PaymentActors.Grains.Gateway;

/// <summary>
/// This silo's calls to each provider, by outcome, with failovers and latency: kept as figures for
/// <c>GET /metrics/summary</c> and <c>GET /gateway</c>, and exported as instruments on the meter "PaymentActors" with
/// the label <c>provider</c>.
/// </summary>
public sealed class GatewayProviderStats
{
    public const string AttemptsInstrument = "paymentactors.gateway.provider.attempts";
    public const string FailoversInstrument = "paymentactors.gateway.provider.failovers";
    public const string LatencyInstrument = "paymentactors.gateway.provider.latency";

    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _failovers;
    private readonly Histogram<double> _latency;

    public GatewayProviderStats(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(PaymentMetrics.MeterName);
        _attempts = meter.CreateCounter<long>(AttemptsInstrument, "{call}", "Calls to a payment provider, by provider, operation and outcome (approved, declined, not_processed, unknown).");
        _failovers = meter.CreateCounter<long>(FailoversInstrument, "{call}", "Calls moved to another provider because the first provably did not take them, by provider (the one left) and to.");
        _latency = meter.CreateHistogram<double>(LatencyInstrument, "s", "Duration of calls to a payment provider (its client's retries included), by provider and operation.");
    }

    public void Record(string provider, string operation, GatewayCallOutcome outcome, TimeSpan elapsed, string? failoverFrom)
    {
        var outcomeName = OutcomeName(outcome);
        _attempts.Add(1, new TagList { { "provider", provider }, { "operation", operation }, { "outcome", outcomeName } });
        _latency.Record(elapsed.TotalSeconds, new TagList { { "provider", provider }, { "operation", operation } });
        _tallies.GetOrAdd(provider, _ => new Tally()).Record(outcome, elapsed.TotalMilliseconds);
        if (failoverFrom is not null)
        {
            _failovers.Add(1, new TagList { { "provider", failoverFrom }, { "to", provider } });
            _tallies.GetOrAdd(failoverFrom, _ => new Tally()).FailedOverFrom();
            _tallies.GetOrAdd(provider, _ => new Tally()).FailedOverTo();
        }
    }

    public GatewayProviderFigures Figures(string provider) =>
        _tallies.TryGetValue(provider, out var tally) ? tally.Read(provider) : GatewayProviderFigures.Empty(provider);

    public static string OutcomeName(GatewayCallOutcome outcome) => outcome switch
    {
        GatewayCallOutcome.Approved => "approved",
        GatewayCallOutcome.Declined => "declined",
        GatewayCallOutcome.NotProcessed => "not_processed",
        _ => "unknown",
    };

    private sealed class Tally
    {
        private readonly Lock _gate = new();
        private long _attempts;
        private long _approvals;
        private long _declines;
        private long _notProcessed;
        private long _unknown;
        private long _failoversFrom;
        private long _failoversTo;
        private double _latencyTotalMs;
        private double _latencyMaxMs;

        public void Record(GatewayCallOutcome outcome, double latencyMs)
        {
            lock (_gate)
            {
                _attempts++;
                switch (outcome)
                {
                    case GatewayCallOutcome.Approved: _approvals++; break;
                    case GatewayCallOutcome.Declined: _declines++; break;
                    case GatewayCallOutcome.NotProcessed: _notProcessed++; break;
                    default: _unknown++; break;
                }

                _latencyTotalMs += latencyMs;
                _latencyMaxMs = Math.Max(_latencyMaxMs, latencyMs);
            }
        }

        public void FailedOverFrom()
        {
            lock (_gate)
            {
                _failoversFrom++;
            }
        }

        public void FailedOverTo()
        {
            lock (_gate)
            {
                _failoversTo++;
            }
        }

        public GatewayProviderFigures Read(string provider)
        {
            lock (_gate)
            {
                return new(provider, _attempts, _approvals, _declines, _notProcessed, _unknown, _failoversFrom, _failoversTo, _latencyTotalMs, _latencyMaxMs);
            }
        }
    }
}
