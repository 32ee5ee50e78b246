using System.Diagnostics.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// The active silos as this silo's membership view counts them, so an alert can compare them with how many are
/// expected (deploy/prometheus). Orleans itself exports no such instrument.
/// </summary>
public sealed class ClusterMetrics
{
    public const string ActiveSilosInstrument = "paymentactors.cluster.active_silos";

    public ClusterMetrics(IMeterFactory meterFactory, IClusterMembershipService membership)
    {
        var meter = meterFactory.Create(PaymentMetrics.MeterName);
        meter.CreateObservableGauge(
            ActiveSilosInstrument,
            () => membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active),
            "{silo}",
            "Silos that this silo's membership view holds active.");
    }
}
