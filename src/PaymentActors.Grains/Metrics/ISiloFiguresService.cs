using Orleans.Services;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>One per silo: that silo's own figures, reachable by silo address (as each silo's breaker is).</summary>
[Alias("PaymentActors.Grains.ISiloFiguresService")]
public interface ISiloFiguresService : IGrainService
{
    [Alias("GetEventFiguresAsync")]
    Task<EventFigures> GetEventFiguresAsync();

    [Alias("GetStorageFiguresAsync")]
    Task<StorageFigures> GetStorageFiguresAsync();
}
