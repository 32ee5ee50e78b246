using System.Collections.Concurrent;
using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Http;

namespace PaymentActors.MockGateway.Authorizations;

/// <summary>
/// The gateway's authorizations: idempotent by payment id and attempt, as charges are; captures by capture id, and one
/// void per authorization. At most one capture is approved per authorization (the rest of the hold is released), never
/// after its void or its expiry, never for more than was authorized; every decision is made under one lock. A request
/// is in progress from its arrival until it is decided, so a re-send meanwhile is told to ask again.
/// </summary>
public sealed class AuthorizationLedger
{
    private readonly ConcurrentDictionary<ChargeKey, AuthorizationRecord> _byKey = new();
    private readonly ConcurrentDictionary<string, AuthorizationRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _inProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SettlementRecord> _captures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SettlementRecord> _voids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static string AuthorizeKey(ChargeKey key) => $"authorize:{key.Attempt}:{key.PaymentId}";

    public static string CaptureKey(string captureId) => "capture:" + captureId;

    public static string VoidKey(string authorizationId) => "void:" + authorizationId;

    /// <summary>Marks a request as being processed; false when another with the same key is.</summary>
    public bool TryBegin(string key) => _inProgress.TryAdd(key, 0);

    public void End(string key) => _inProgress.TryRemove(key, out _);

    public bool IsInProgress(string key) => _inProgress.ContainsKey(key);

    public bool TryGet(ChargeKey key, out AuthorizationRecord authorization) => _byKey.TryGetValue(key, out authorization!);

    public bool TryGet(string authorizationId, out AuthorizationRecord authorization) => _byId.TryGetValue(authorizationId, out authorization!);

    /// <summary>Records an authorization unless its key is known; <paramref name="declineReason"/> decides a new one.</summary>
    public (AuthorizationRecord Record, LedgerWrite Write) Authorize(AuthorizeCommand command, Func<string, string?> declineReason, DateTimeOffset now, TimeSpan lifetime)
    {
        if (_byKey.TryGetValue(command.Key, out var known))
        {
            return (known, known.Command == command ? LedgerWrite.Replayed : LedgerWrite.Conflict);
        }

        var candidate = new AuthorizationRecord(command, "au_" + Guid.CreateVersion7().ToString("N"), declineReason(command.PaymentId), now, now + lifetime);
        var stored = _byKey.GetOrAdd(command.Key, candidate);
        if (!ReferenceEquals(stored, candidate))
        {
            return (stored, stored.Command == command ? LedgerWrite.Replayed : LedgerWrite.Conflict);
        }

        _byId[stored.AuthorizationId] = stored;
        return (stored, LedgerWrite.Created);
    }

    /// <summary>Decides a capture of a known authorization; <paramref name="declineReason"/> may decline a new one at random.</summary>
    public (SettlementRecord Record, LedgerWrite Write) Capture(AuthorizationRecord authorization, CaptureCommand command, Func<string, string?> declineReason, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_captures.TryGetValue(command.CaptureId, out var known))
            {
                var same = known.AuthorizationId == command.AuthorizationId && known.RequestedAmount == command.Amount;
                return (known, same ? LedgerWrite.Replayed : LedgerWrite.Conflict);
            }

            var authorized = authorization.Command.Amount;
            var amount = command.Amount ?? authorized;
            var reason = authorization.StateAt(now) switch
            {
                AuthorizationStates.Declined => SettlementDeclineReasons.AuthorizationNotApproved,
                AuthorizationStates.Voided => SettlementDeclineReasons.AuthorizationVoided,
                AuthorizationStates.Captured => SettlementDeclineReasons.AuthorizationCaptured,
                AuthorizationStates.Expired => SettlementDeclineReasons.AuthorizationExpired,
                _ when amount > authorized => SettlementDeclineReasons.ExceedsAuthorizedAmount,
                _ => declineReason(command.CaptureId),
            };
            if (reason is null)
            {
                authorization.CapturedAmount = amount;
            }

            var record = new SettlementRecord(command.CaptureId, authorization.AuthorizationId, amount, reason, now, command.Amount);
            _captures.Add(command.CaptureId, record);
            return (record, LedgerWrite.Created);
        }
    }

    /// <summary>
    /// Voids an authorization: approved while it holds, and for one that already lapsed (nothing is held either way);
    /// declined once captured. The first answer is the answer to every re-send.
    /// </summary>
    public (SettlementRecord Record, LedgerWrite Write) Void(AuthorizationRecord authorization, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_voids.TryGetValue(authorization.AuthorizationId, out var known))
            {
                return (known, LedgerWrite.Replayed);
            }

            var reason = authorization.StateAt(now) switch
            {
                AuthorizationStates.Declined => SettlementDeclineReasons.AuthorizationNotApproved,
                AuthorizationStates.Captured => SettlementDeclineReasons.AuthorizationCaptured,
                _ => null,
            };
            if (reason is null && authorization.StateAt(now) == AuthorizationStates.Authorized)
            {
                authorization.Voided = true;
            }

            var record = new SettlementRecord(authorization.AuthorizationId, authorization.AuthorizationId, authorization.Command.Amount, reason, now, null);
            _voids.Add(authorization.AuthorizationId, record);
            return (record, LedgerWrite.Created);
        }
    }

    /// <summary>What a refund may take from the captured authorization of a payment's attempt: null when none is captured.</summary>
    public AuthorizationRecord? CapturedFor(ChargeKey key)
    {
        lock (_gate)
        {
            return _byKey.TryGetValue(key, out var authorization) && authorization.CapturedAmount is not null ? authorization : null;
        }
    }

    public AuthorizationView Describe(AuthorizationRecord authorization, DateTimeOffset now, decimal refunded)
    {
        string state;
        decimal captured;
        lock (_gate)
        {
            state = authorization.StateAt(now);
            captured = authorization.CapturedAmount ?? 0m;
        }

        var command = authorization.Command;
        var scale = command.Amount.Scale;
        return new AuthorizationView(
            authorization.AuthorizationId,
            command.PaymentId,
            authorization.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined,
            authorization.DeclineReason,
            state,
            command.UserId,
            RequestValidation.FormatAmount(command.Amount, scale),
            command.Currency,
            RequestValidation.FormatAmount(captured, Math.Max(scale, captured.Scale)),
            RequestValidation.FormatAmount(refunded, Math.Max(scale, refunded.Scale)),
            authorization.CreatedAt,
            authorization.ExpiresAt,
            command.Attempt);
    }

    public SettlementView Describe(SettlementRecord settlement, AuthorizationRecord authorization, DateTimeOffset now)
    {
        string state;
        lock (_gate)
        {
            state = authorization.StateAt(now);
        }

        return new SettlementView(
            settlement.Id,
            settlement.AuthorizationId,
            authorization.Command.PaymentId,
            settlement.Approved ? ChargeStatuses.Approved : ChargeStatuses.Declined,
            settlement.DeclineReason,
            RequestValidation.FormatAmount(settlement.Amount, Math.Max(authorization.Command.Amount.Scale, settlement.Amount.Scale)),
            authorization.Command.Currency,
            state,
            settlement.CreatedAt);
    }
}
