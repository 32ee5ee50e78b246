using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.FailureRecording;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

public sealed partial class PaymentGrain
{
    public async Task<bool> RetryAsync(string failedEventId)
    {
        if (!Exists || Payment.Status != PaymentStatus.Failed || !FailureReasons.IsRetryable(Payment.FailureReason))
        {
            return false;
        }

        // The one step back a payment may take: an operator re-drives a technical failure from its persisted state.
        var now = _time.GetUtcNow();
        Payment.Events.Add(PaymentEvent.Create(EventTypes.PaymentRetried, PaymentId, Request.UserId, Request.Amount, now, Payment.FailureReason));
        Payment.Status = PaymentStatus.Pending;
        Payment.FailureReason = null;
        Payment.UpdatedAt = now;
        Payment.RetryOf = failedEventId;
        Payment.Attempt++;
        _charged = false;
        await Recovery.TrackAsync(PaymentId);
        await PersistAsync();
        _terminal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StartSaga();
        return true;
    }

    /// <summary>
    /// Stores a failure with its retry count. The failure recorder also sees the payment.failed event; both derive the
    /// record's id from the event's id, so it is stored once, with the count when the saga knew it.
    /// </summary>
    private async Task RecordFailureAsync(PaymentEvent failed, StepFailedException? failure, string? retryOf)
    {
        try
        {
            if (retryOf is not null)
            {
                await SettleFailedEventAsync(retryOf, FailedEventStatus.Failed, failure);
                return;
            }

            if (failure is not null)
            {
                await _failedEvents.TryAddAsync(FailedEvents.From(failed, failure.Message, failure.Step, failure.Attempts - 1));
            }
        }
        catch (Exception exception)
        {
            PaymentLog.FailureNotRecorded(_logger, exception, PaymentId);
        }
    }

    private async Task SettleFailedEventAsync(string failedEventId, FailedEventStatus status, StepFailedException? failure)
    {
        try
        {
            if (await _failedEvents.GetAsync(failedEventId) is { } record)
            {
                await _failedEvents.UpdateAsync(record with
                {
                    Status = status,
                    RetryCount = record.RetryCount + 1,
                    ErrorMessage = failure?.Message ?? record.ErrorMessage,
                    UpdatedAt = _time.GetUtcNow(),
                });
            }
        }
        catch (Exception exception)
        {
            PaymentLog.FailureNotRecorded(_logger, exception, PaymentId);
        }
    }
}
