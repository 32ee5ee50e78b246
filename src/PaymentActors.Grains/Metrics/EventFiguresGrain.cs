using Orleans.Concurrency;
using Orleans.Runtime;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>This silo's event figures, and the cluster's: every active silo asked (<see cref="EverySilo"/>).</summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class EventFiguresGrain(EventDeliveryMetrics metrics, IClusterMembershipService membership, SiloFiguresServiceClient silos)
    : Grain, IEventFiguresGrain
{
    public Task<EventFigures> GetThisSiloAsync() => Task.FromResult(metrics.Snapshot());

    public Task<EventFigures> GetClusterAsync() =>
        EverySilo.SumAsync(membership, silos, silo => silo.GetEventFiguresAsync(), EventFigures.Empty, (sum, one) => sum.Merge(one));
}
