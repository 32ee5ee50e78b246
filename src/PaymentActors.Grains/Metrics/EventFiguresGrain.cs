using Orleans.Concurrency;
using Orleans.Runtime.Placement;
using PaymentActors.Metrics;

namespace PaymentActors.Grains.Metrics;

/// <summary>
/// One worker per silo answers for its silo; the cluster figures ask one on every active silo, sent there with
/// Orleans's placement hint (stateless workers are placed where the hint says). A silo that does not answer within
/// <see cref="SiloAnswerTimeout"/> (one that died and is not yet declared dead) is left out, so the summary never hangs.
/// </summary>
[StatelessWorker(1)]
public sealed class EventFiguresGrain(EventDeliveryMetrics metrics, ILocalSiloDetails silo) : Grain, IEventFiguresGrain
{
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(2);

    public Task<EventFigures> GetThisSiloAsync() => Task.FromResult(metrics.Snapshot());

    public async Task<EventFigures> GetClusterAsync()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var figures = new List<Task<EventFigures>>();
        foreach (var host in hosts.Keys)
        {
            if (host.Equals(silo.SiloAddress))
            {
                figures.Add(GetThisSiloAsync());
                continue;
            }

            RequestContext.Set(IPlacementDirector.PlacementHintKey, host);
            try
            {
                figures.Add(OrEmptyAsync(GrainFactory.GetGrain<IEventFiguresGrain>(0).GetThisSiloAsync()));
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }

        return (await Task.WhenAll(figures)).Aggregate(EventFigures.Empty, (sum, one) => sum.Merge(one));
    }

    private static async Task<EventFigures> OrEmptyAsync(Task<EventFigures> answer)
    {
        try
        {
            return await answer.WaitAsync(SiloAnswerTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return EventFigures.Empty;
        }
    }
}
