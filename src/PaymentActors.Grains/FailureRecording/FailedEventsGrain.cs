using Orleans.Concurrency;
using PaymentActors.FailureRecording;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>Lets cluster clients (the front door) read the failed-event store without holding its connection.</summary>
[StatelessWorker]
public sealed class FailedEventsGrain(IFailedEventStore store) : Grain, IFailedEventsGrain
{
    public Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query) => store.ListAsync(query);

    public Task<FailedEvent?> GetAsync(string id) => store.GetAsync(id);
}
