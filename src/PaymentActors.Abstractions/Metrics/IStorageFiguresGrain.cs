using PaymentActors.Repeats;

namespace PaymentActors.Metrics;

/// <summary>The storage requests of the whole cluster (every active silo asked).</summary>
[Alias("PaymentActors.IStorageFiguresGrain")]
public interface IStorageFiguresGrain : IGrainWithIntegerKey
{
    [SafeToRepeat]
    [Alias("GetClusterAsync")]
    Task<StorageFigures> GetClusterAsync();
}
