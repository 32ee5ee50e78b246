using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Services;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// Reports this silo's event figures and the storage requests of its process. A silo with in-memory storage sends
/// none, and reports an empty count.
/// </summary>
public sealed class SiloFiguresService(GrainId grainId, Silo silo, ILoggerFactory loggerFactory, EventDeliveryMetrics events, IServiceProvider services)
    : GrainService(grainId, silo, loggerFactory), ISiloFiguresService
{
    private readonly IStorageFiguresSource? _storage = services.GetService<IStorageFiguresSource>();

    public Task<EventFigures> GetEventFiguresAsync() => Task.FromResult(events.Snapshot());

    public Task<StorageFigures> GetStorageFiguresAsync() => Task.FromResult(_storage?.Snapshot() ?? StorageFigures.Empty with { Processes = 1 });
}

/// <summary>Reaches the <see cref="ISiloFiguresService"/> of a given silo.</summary>
public sealed class SiloFiguresServiceClient(IServiceProvider services) : GrainServiceClient<ISiloFiguresService>(services)
{
    public ISiloFiguresService On(SiloAddress silo) => GetGrainService(silo);
}
