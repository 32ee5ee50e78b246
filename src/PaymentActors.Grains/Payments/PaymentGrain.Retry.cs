using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.FailureRecording;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

public sealed partial class PaymentGrain
{
    public async Task<bool> RetryAsync(string failedEventId, string? actor = null)
    {
        if (!Exists || Payment.Status != PaymentStatus.Failed || !FailureReasons.IsRetryable(Payment.FailureReason))
        {
            return false;
        }

        // The one step back a payment may take: an operator re-drives a technical failure from its persisted state.
        var now = _time.GetUtcNow();
        Payment.Events.Add(PaymentEvent.Create(EventTypes.PaymentRetried, PaymentId, Request.UserId, Request.Amount, now, Payment.FailureReason, actor));
        Payment.Status = PaymentStatus.Pending;
        Payment.FailureReason = null;
        Payment.UpdatedAt = now;
        Payment.RetryOf = failedEventId;
        Payment.Attempt++;
        _saga = new PaymentSaga(PaymentStatus.Pending, _options.MaxRetries);
        await Recovery.TrackAsync(PaymentId);
        Payment.Tracked = true;
        await PersistAsync();
        _terminal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartSaga();
        return true;
    }

    /// <summary>
    /// Stores a failure, with its retry count when a step ran out of retries, before the ending is announced: the
    /// event stream is in memory, so the failure recorder that also sees payment.failed cannot be the only copy.
    /// Both derive the record's id from the event's id, so it is stored once. False when it could not be stored.
    /// </summary>
    private async Task<bool> RecordFailureAsync(PaymentEvent failed, StepFailedException? failure, string? retryOf)
    {
        if (retryOf is not null)
        {
            // Which record a retry settles is not durable, so a later recovery check could not do better than this.
            await SettleFailedEventAsync(retryOf, FailedEventStatus.Failed, failure);
            return true;
        }

        try
        {
            await _failedEvents.TryAddAsync(failure is null
                ? FailedEvents.From(failed)
                : FailedEvents.From(failed, failure.Message, failure.Step, failure.Attempts - 1));
            return true;
        }
        catch (Exception exception)
        {
            PaymentLog.FailureNotRecorded(_logger, exception, PaymentId);
            return false;
        }
    }

    /// <summary>
    /// Records the failure of a payment that ended before a restart, in case the restart came first; a no-op when it is
    /// stored. A failure that settled an operator's retry is left alone: which record it settled was not kept. So is one
    /// older than the retention: its record may have been deleted on purpose, and must not come back.
    /// </summary>
    private Task<bool> RecordEndedFailureAsync() =>
        Exists && Payment.Status == PaymentStatus.Failed && Payment.Events.All(e => e.Type != EventTypes.PaymentRetried) &&
        Payment.Events.LastOrDefault(e => e.Type == EventTypes.PaymentFailed) is { } failed &&
        failed.OccurredAt > _time.GetUtcNow() - _options.FailedEventRetention
            ? RecordFailureAsync(failed, null, null)
            : Task.FromResult(true);

    private async Task SettleFailedEventAsync(string failedEventId, FailedEventStatus status, StepFailedException? failure)
    {
        try
        {
            // Conditional update: on a concurrent change re-read and apply ours on top (a few times; then give up and log).
            for (var attempt = 0; attempt < 5 && await _failedEvents.GetAsync(failedEventId) is { } record; attempt++)
            {
                var settled = record with
                {
                    Status = status,
                    RetryCount = record.RetryCount + 1,
                    ErrorMessage = failure?.Message ?? record.ErrorMessage,
                    UpdatedAt = _time.GetUtcNow(),
                };
                if (await _failedEvents.UpdateAsync(record, settled))
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            PaymentLog.FailureNotRecorded(_logger, exception, PaymentId);
        }
    }
}
