using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

public sealed partial class PaymentGrain
{
    public async Task<CancelResult> CancelAsync()
    {
        if (!Exists)
        {
            return new CancelResult(CancelOutcome.NotFound, null);
        }

        if (Payment.Status == PaymentStatus.Cancelled)
        {
            return new CancelResult(CancelOutcome.AlreadyCancelled, Snapshot());
        }

        var saga = _saga;
        if (!saga.TryCancel())
        {
            return new CancelResult(CancelOutcome.NotCancellable, Snapshot());
        }

        // The release comes first: a crash before the ending is written resumes the saga, which then finds the
        // reservation released as "cancelled" and ends the payment cancelled.
        try
        {
            var released = await WithRetriesAsync("release", () => Wallet.ReleaseAsync(PaymentId, FailureReasons.Cancelled, Payment.Attempt));
            Record(released.Event);
        }
        catch
        {
            saga.CancelFailed();
            StartSaga();
            throw;
        }

        await FinishAsync(PaymentStatus.Cancelled, FailureReasons.Cancelled);
        return new CancelResult(CancelOutcome.Cancelled, Snapshot());
    }
}
