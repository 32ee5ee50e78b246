using Orleans.Concurrency;
using Orleans.Runtime;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>The storage requests of the cluster: every active silo asked (<see cref="EverySilo"/>).</summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class StorageFiguresGrain(IClusterMembershipService membership, SiloFiguresServiceClient silos) : Grain, IStorageFiguresGrain
{
    public Task<StorageFigures> GetClusterAsync() =>
        EverySilo.SumAsync(membership, silos, silo => silo.GetStorageFiguresAsync(), StorageFigures.Empty, (sum, one) => sum.Merge(one));
}
