using System.Collections.Concurrent;
using PaymentActors.MockGateway.Authorizations;
using PaymentActors.MockGateway.Http;
using PaymentActors.MockGateway.Refunds;

namespace PaymentActors.MockGateway.Charges;

/// <summary>
/// The gateway's in-memory books. Charges are idempotent by payment id and attempt (<see cref="ChargeKey"/>), refunds
/// by refund id; refunds of a charge never add up to more than the charge (checked and applied under one lock). A
/// charge is in progress from its arrival until it is recorded, so that a re-send meanwhile is told to ask again.
/// A payment's attempt with no charge may have a captured authorization instead: its refunds come out of the capture.
/// </summary>
public sealed class ChargeLedger(AuthorizationLedger authorizations)
{
    private readonly ConcurrentDictionary<ChargeKey, ChargeRecord> _charges = new();
    private readonly ConcurrentDictionary<ChargeKey, ChargeCommand> _inProgress = new();
    private readonly Dictionary<string, RefundRecord> _refunds = new(StringComparer.Ordinal);
    private readonly Lock _refundGate = new();

    /// <summary>Records a charge unless its payment id is known; <paramref name="declineReason"/> decides a new one.</summary>
    public (ChargeRecord Record, LedgerWrite Write) Charge(ChargeCommand command, Func<string, string?> declineReason, DateTimeOffset now)
    {
        try
        {
            if (_charges.TryGetValue(command.Key, out var known))
            {
                return (known, Compare(known, command));
            }

            var candidate = new ChargeRecord(command, "ch_" + Guid.CreateVersion7().ToString("N"), declineReason(command.PaymentId), now);
            var stored = _charges.GetOrAdd(command.Key, candidate);
            return ReferenceEquals(stored, candidate) ? (stored, LedgerWrite.Created) : (stored, Compare(stored, command));
        }
        finally
        {
            _inProgress.TryRemove(command.Key, out _);
        }
    }

    /// <summary>Marks a new charge as being processed; false when another request with its key is being processed.</summary>
    public bool TryBegin(ChargeCommand command) => _inProgress.TryAdd(command.Key, command);

    /// <summary>The gateway stopped before it processed the charge: nothing was recorded.</summary>
    public void Abandon(ChargeCommand command) => _inProgress.TryRemove(command.Key, out _);

    public bool TryGetCharge(ChargeKey key, out ChargeRecord charge) => _charges.TryGetValue(key, out charge!);

    public (RefundRecord Record, LedgerWrite Write) Refund(RefundCommand command, DateTimeOffset now)
    {
        lock (_refundGate)
        {
            if (_refunds.TryGetValue(command.RefundId, out var known))
            {
                return (known, known.Command == command ? LedgerWrite.Replayed : LedgerWrite.Conflict);
            }

            // Declining now ("not found") would be final while the charge may still be approved a moment later.
            if (!_charges.ContainsKey(new ChargeKey(command.PaymentId, command.Attempt)) &&
                _inProgress.ContainsKey(new ChargeKey(command.PaymentId, command.Attempt)))
            {
                return (new RefundRecord(command, null, now), LedgerWrite.ChargeInProgress);
            }

            string? declineReason;
            var key = new ChargeKey(command.PaymentId, command.Attempt);
            if (!_charges.TryGetValue(key, out var charge))
            {
                declineReason = authorizations.CapturedFor(key) is { } captured
                    ? RefundCapture(captured, command)
                    : RefundDeclineReasons.ChargeNotFound;
            }
            else if (!charge.Approved)
            {
                declineReason = RefundDeclineReasons.ChargeNotApproved;
            }
            else if (charge.Command.Currency != command.Currency)
            {
                declineReason = RefundDeclineReasons.CurrencyMismatch;
            }
            else if (charge.RefundedAmount + command.Amount > charge.Command.Amount)
            {
                declineReason = RefundDeclineReasons.ExceedsRefundableAmount;
            }
            else
            {
                declineReason = null;
                charge.RefundedAmount += command.Amount;
            }

            var record = new RefundRecord(command, declineReason, now);
            _refunds.Add(command.RefundId, record);
            return (record, LedgerWrite.Created);
        }
    }

    /// <summary>What has been refunded of a captured authorization.</summary>
    public decimal RefundedOf(AuthorizationRecord authorization)
    {
        lock (_refundGate)
        {
            return authorization.RefundedAmount;
        }
    }

    // Under the refund lock; a capture never changes once made.
    private static string? RefundCapture(AuthorizationRecord captured, RefundCommand command)
    {
        if (captured.Command.Currency != command.Currency)
        {
            return RefundDeclineReasons.CurrencyMismatch;
        }

        if (captured.RefundedAmount + command.Amount > captured.CapturedAmount)
        {
            return RefundDeclineReasons.ExceedsRefundableAmount;
        }

        captured.RefundedAmount += command.Amount;
        return null;
    }

    public ChargeView Describe(ChargeRecord charge)
    {
        decimal refunded;
        lock (_refundGate)
        {
            refunded = charge.RefundedAmount;
        }

        var command = charge.Command;
        return new ChargeView(
            command.PaymentId,
            charge.ChargeId,
            charge.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined,
            charge.DeclineReason,
            command.UserId,
            RequestValidation.FormatAmount(command.Amount, command.Amount.Scale),
            command.Currency,
            RequestValidation.FormatAmount(refunded, Math.Max(command.Amount.Scale, refunded.Scale)),
            charge.CreatedAt,
            command.Attempt);
    }

    public static RefundView Describe(RefundRecord refund)
    {
        var command = refund.Command;
        return new RefundView(
            command.RefundId,
            command.PaymentId,
            refund.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined,
            refund.DeclineReason,
            RequestValidation.FormatAmount(command.Amount, command.Amount.Scale),
            command.Currency,
            refund.CreatedAt);
    }

    // decimal equality ignores scale: 100.5 and 100.50 are the same charge.
    private static LedgerWrite Compare(ChargeRecord known, ChargeCommand command) =>
        known.Command == command ? LedgerWrite.Replayed : LedgerWrite.Conflict;
}
