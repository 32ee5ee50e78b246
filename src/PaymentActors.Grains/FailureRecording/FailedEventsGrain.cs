using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Hosting;
using PaymentActors.Payments;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>Lets cluster clients (the front door) read the failed-event store without holding its connection.</summary>
[StatelessWorker]
public sealed class FailedEventsGrain(
    IFailedEventStore store,
    [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time) : Grain, IFailedEventsGrain
{
    public Task<IReadOnlyList<FailedEvent>> ListAsync(FailedEventQuery query) => store.ListAsync(query);

    public Task<FailedEvent?> GetAsync(string id) => store.GetAsync(id);

    public async Task<FailedEventRetryOutcome> RetryAsync(string id, string? actor = null)
    {
        // A stateless worker: two concurrent retries may run in two activations, so the store's conditional update, not
        // this grain, decides which one re-drives the payment; the loser re-reads and sees the event is no longer failed.
        while (true)
        {
            if (await store.GetAsync(id) is not { } failed)
            {
                return FailedEventRetryOutcome.NotFound;
            }

            if (failed.Status != FailedEventStatus.Failed)
            {
                return FailedEventRetryOutcome.NotFailed;
            }

            var retried = failed with { Status = FailedEventStatus.Retried, UpdatedAt = time.GetUtcNow() };
            if (!await store.UpdateAsync(failed, retried))
            {
                continue;
            }

            if (await GrainFactory.GetGrain<IPaymentGrain>(failed.PaymentId).RetryAsync(id, actor))
            {
                return FailedEventRetryOutcome.Retried;
            }

            // The payment says it cannot be re-driven (a business outcome, or it has moved on): leave the record as it
            // was, unless someone changed it meanwhile.
            await store.UpdateAsync(retried, failed);
            return FailedEventRetryOutcome.NotRetryable;
        }
    }
}
