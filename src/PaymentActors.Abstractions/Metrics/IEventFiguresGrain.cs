using PaymentActors.Repeats;

namespace PaymentActors.Metrics;

/// <summary>The event figures of one silo, and of the whole cluster (every active silo asked).</summary>
[Alias("PaymentActors.IEventFiguresGrain")]
public interface IEventFiguresGrain : IGrainWithIntegerKey
{
    [SafeToRepeat]
    [Alias("GetThisSiloAsync")]
    Task<EventFigures> GetThisSiloAsync();

    [SafeToRepeat]
    [Alias("GetClusterAsync")]
    Task<EventFigures> GetClusterAsync();
}
