using System.Globalization;
using PaymentActors.Cli.Api;
using PaymentActors.Wallets;

namespace PaymentActors.Cli.Auditing;

/// <summary>One audit of one input: the checks <see cref="LoadTestAuditor"/> describes, sharing what they learn.</summary>
internal sealed class AuditPass(AuditInput input)
{
    private const int MaxDisplayScale = 8;
    private readonly int _displayScale = DisplayScale(input);
    private readonly decimal _displayOne = OneWithScale(DisplayScale(input));
    private readonly List<Violation> _violations = [];
    private readonly List<string> _notes = [];

    // Operations whose effect on a wallet is unknown, by user: the wallet's balance cannot be checked exactly then.
    private readonly Dictionary<string, int> _unsettledByUser = new(StringComparer.Ordinal);

    public AuditResult Run()
    {
        var accepted = CheckIdempotencyKeys();
        var observed = input.FinalPayments
            .GroupBy(p => p.PaymentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        CheckPayments(accepted, observed);
        var refundedByPayment = CheckRefunds(input.Refunds, accepted, observed);
        CheckCancels(input.Cancels, observed);

        var readings = input.WalletSamples.Concat(input.FinalWallets).ToList();
        CheckReadings(readings);
        CheckVersions(readings);
        var wallets = CheckBalances(accepted, observed, refundedByPayment);
        CheckOrders(observed);
        CheckLedgers();

        var coverage = new AuditCoverage(
            input.Payments.Count, accepted.Count, readings.Count, wallets.Count(w => w is { ExpectedBalance: not null, Balance: not null }), input.WalletUserIds.Count,
            input.Orders.Count(o => o.OrderId is not null), input.FinalLedgers.Count);
        return new AuditResult(_violations, _notes, wallets, coverage);
    }

    private Dictionary<string, AcceptedPayment> CheckIdempotencyKeys()
    {
        var accepted = new Dictionary<string, AcceptedPayment>(StringComparer.Ordinal);
        var keysByPaymentId = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var sent in input.Payments)
        {
            var successes = sent.Responses.Where(r => r.Accepted).ToList();
            var ids = successes.Select(r => r.PaymentId!).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count > 1)
            {
                _violations.Add(new(ViolationKind.IdempotencyKeyMultiplePayments, sent.IdempotencyKey,
                    $"one key produced {ids.Count} payments: {string.Join(", ", ids)}"));
            }

            foreach (var reuse in successes.Where(r => r.Kind == SubmitKind.DifferentBody))
            {
                _violations.Add(new(ViolationKind.KeyReuseAccepted, sent.IdempotencyKey,
                    $"the key reused with amount {Format(reuse.Amount)} (first {Format(sent.Amount)}) was answered {reuse.StatusCode} " +
                    $"with payment {reuse.PaymentId} instead of 422 {ApiErrorCodes.IdempotencyKeyReused}"));
            }

            var sameBody = successes.Where(r => r.Kind != SubmitKind.DifferentBody).ToList();
            var unmarked = sameBody.Count(r => !r.Replayed);
            if (ids.Count == 1 && unmarked > 1)
            {
                _violations.Add(new(ViolationKind.ReplayNotMarked, sent.IdempotencyKey,
                    $"{unmarked} of {sameBody.Count} successful answers for the key lack Idempotent-Replayed: true; only the first may"));
            }

            if (ids.Count == 0)
            {
                var rejected = sent.Responses.Any(r => r.Kind is SubmitKind.Original or SubmitKind.Retry && r.DefinitelyRejected);
                if (!rejected)
                {
                    var last = sent.Responses.Count == 0 ? "never sent" : Describe(sent.Responses[^1]);
                    _violations.Add(new(ViolationKind.PaymentUnresolved, sent.IdempotencyKey,
                        $"no definitive answer after {sent.Responses.Count} attempt(s) (last: {last}); a payment of {Format(sent.Amount)} may exist"));
                    Increment(_unsettledByUser, sent.UserId);
                }

                continue;
            }

            foreach (var id in ids)
            {
                var producer = successes.First(r => r.PaymentId == id);
                accepted.TryAdd(id, new AcceptedPayment(id, sent.IdempotencyKey, sent.UserId, producer.Amount, sent.Currency));
                if (!keysByPaymentId.TryGetValue(id, out var keys))
                {
                    keysByPaymentId[id] = keys = [];
                }

                keys.Add(sent.IdempotencyKey);
            }
        }

        foreach (var (id, keys) in keysByPaymentId.Where(pair => pair.Value.Count > 1))
        {
            _violations.Add(new(ViolationKind.PaymentIdSharedByKeys, id,
                $"the same payment id answered {keys.Count} different keys: {string.Join(", ", keys)}"));
        }

        return accepted;
    }

    private void CheckPayments(
        Dictionary<string, AcceptedPayment> accepted, Dictionary<string, PaymentObservation> observed)
    {
        foreach (var payment in accepted.Values)
        {
            if (!observed.TryGetValue(payment.PaymentId, out var seen))
            {
                _violations.Add(new(ViolationKind.PaymentNotObserved, payment.PaymentId,
                    $"accepted for key {payment.IdempotencyKey} but could not be read back"));
                Increment(_unsettledByUser, payment.UserId);
                continue;
            }

            if (!PaymentStatuses.IsTerminal(seen.Status))
            {
                _violations.Add(new(ViolationKind.PaymentNotTerminal, payment.PaymentId,
                    $"still '{seen.Status}' after the drain (user {payment.UserId}, amount {Format(payment.Amount)})"));
                Increment(_unsettledByUser, payment.UserId);
            }

            if (seen.UserId != payment.UserId || seen.Amount != payment.Amount
                || (seen.Currency is not null && !string.Equals(seen.Currency, payment.Currency, StringComparison.Ordinal)))
            {
                _violations.Add(new(ViolationKind.PaymentMismatch, payment.PaymentId,
                    $"sent {payment.UserId} {Format(payment.Amount)} {payment.Currency}, API shows {seen.UserId} {Format(seen.Amount)} {seen.Currency}"));
            }
        }
    }

    private Dictionary<string, decimal> CheckRefunds(
        IReadOnlyList<SentRefund> refunds, Dictionary<string, AcceptedPayment> accepted, Dictionary<string, PaymentObservation> observed)
    {
        var refundedByPayment = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var withUnknownRefund = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in refunds.GroupBy(r => r.PaymentId, StringComparer.Ordinal))
        {
            if (!accepted.TryGetValue(group.Key, out var payment))
            {
                continue;
            }

            var explicitTotal = group.Where(r => r is { Outcome: OperationOutcome.Confirmed, Amount: not null }).Sum(r => r.Amount!.Value);
            var fullRefunds = group.Count(r => r is { Outcome: OperationOutcome.Confirmed, Amount: null });
            // A refund without amount gives back what was left, so it brings the total to the payment's amount.
            refundedByPayment[group.Key] = fullRefunds > 0 ? Math.Max(payment.Amount, explicitTotal) : explicitTotal;

            var unknown = group.Count(r => r.Outcome == OperationOutcome.Unknown);
            if (unknown > 0)
            {
                withUnknownRefund.Add(group.Key);
                _violations.Add(new(ViolationKind.RefundUnresolved, group.Key, $"{unknown} refund request(s) got no definitive answer"));
                Increment(_unsettledByUser, payment.UserId);
            }
        }

        foreach (var payment in accepted.Values)
        {
            if (!observed.TryGetValue(payment.PaymentId, out var seen) || withUnknownRefund.Contains(payment.PaymentId))
            {
                continue;
            }

            var confirmed = refundedByPayment.GetValueOrDefault(payment.PaymentId);
            if (confirmed > 0 && !PaymentStatuses.IsDebited(seen.Status))
            {
                _violations.Add(new(ViolationKind.RefundMismatch, payment.PaymentId,
                    $"refunds of {Format(confirmed)} confirmed on a payment that ended '{seen.Status}'"));
            }

            if (confirmed > payment.Amount)
            {
                _violations.Add(new(ViolationKind.RefundMismatch, payment.PaymentId,
                    $"refunds of {Format(confirmed)} confirmed on a payment of {Format(payment.Amount)}"));
            }

            if (seen.RefundedAmount is { } shown && shown != confirmed)
            {
                _violations.Add(new(ViolationKind.RefundMismatch, payment.PaymentId,
                    $"API shows refunded_amount {Format(shown)}, confirmed refunds total {Format(confirmed)}"));
            }

            if (confirmed == 0 && seen.Status is PaymentStatuses.PartiallyRefunded or PaymentStatuses.Refunded)
            {
                _violations.Add(new(ViolationKind.RefundMismatch, payment.PaymentId,
                    $"status '{seen.Status}' though no refund was confirmed"));
            }
        }

        return refundedByPayment;
    }

    private void CheckCancels(IReadOnlyList<SentCancel> cancels, Dictionary<string, PaymentObservation> observed)
    {
        foreach (var cancel in cancels.Where(c => c.Outcome == OperationOutcome.Confirmed))
        {
            if (observed.TryGetValue(cancel.PaymentId, out var seen) && seen.Status != PaymentStatuses.Cancelled)
            {
                _violations.Add(new(ViolationKind.CancelNotApplied, cancel.PaymentId,
                    $"the cancel was confirmed but the payment ended '{seen.Status}'"));
            }
        }
    }

    private void CheckReadings(List<WalletObservation> readings)
    {
        // A broken wallet is usually broken in many readings: report the first of each kind per wallet, with the count.
        var found = new Dictionary<(ViolationKind Kind, string UserId), (WalletObservation First, int Count)>();
        foreach (var reading in readings)
        {
            if (reading.Available < 0) Note(found, ViolationKind.NegativeAvailable, reading);
            if (reading.Balance < 0) Note(found, ViolationKind.NegativeBalance, reading);
            if (reading.Reserved < 0) Note(found, ViolationKind.NegativeReserved, reading);
            if (reading.Available != reading.Balance - reading.Reserved) Note(found, ViolationKind.AvailableMismatch, reading);
        }

        foreach (var ((kind, userId), (first, count)) in found)
        {
            _violations.Add(new(kind, userId,
                $"{Describe(first)} at {first.At.TotalSeconds:0.000} s ({first.Source}); {count} reading(s) like it"));
        }

        static void Note(Dictionary<(ViolationKind, string), (WalletObservation, int)> found, ViolationKind kind, WalletObservation reading)
        {
            var key = (kind, reading.UserId);
            found[key] = found.TryGetValue(key, out var seen) ? (seen.Item1, seen.Item2 + 1) : (reading, 1);
        }
    }

    private void CheckVersions(List<WalletObservation> readings)
    {
        var ordered = readings
            .Where(r => r.Source is ObservationSource.Sampler or ObservationSource.Final)
            .GroupBy(r => r.UserId, StringComparer.Ordinal);
        foreach (var wallet in ordered)
        {
            WalletObservation? previous = null;
            foreach (var reading in wallet.OrderBy(r => r.At))
            {
                if (previous is not null && reading.Version < previous.Version)
                {
                    _violations.Add(new(ViolationKind.VersionWentBackwards, wallet.Key,
                        $"version {previous.Version} at {previous.At.TotalSeconds:0.000} s, then {reading.Version} at {reading.At.TotalSeconds:0.000} s"));
                    break;
                }

                previous = reading;
            }
        }
    }

    private List<WalletAudit> CheckBalances(
        Dictionary<string, AcceptedPayment> accepted, Dictionary<string, PaymentObservation> observed,
        Dictionary<string, decimal> refundedByPayment)
    {
        var finals = input.FinalWallets
            .GroupBy(w => w.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.At).Last(), StringComparer.Ordinal);
        var paymentsByUser = accepted.Values.ToLookup(p => p.UserId, StringComparer.Ordinal);
        var wallets = new List<WalletAudit>();
        foreach (var userId in input.WalletUserIds)
        {
            var deposits = input.Deposits.Where(d => d.UserId == userId).ToList();
            foreach (var deposit in deposits.Where(d => d.Outcome == OperationOutcome.Unknown))
            {
                _violations.Add(new(ViolationKind.DepositUnresolved, deposit.IdempotencyKey,
                    $"deposit of {Format(deposit.Amount)} to {userId} got no definitive answer"));
                Increment(_unsettledByUser, userId);
            }

            var deposited = deposits.Where(d => d.Outcome == OperationOutcome.Confirmed).Sum(d => d.Amount);
            var debited = 0m;
            var refunded = 0m;
            foreach (var payment in paymentsByUser[userId])
            {
                if (observed.TryGetValue(payment.PaymentId, out var seen) && PaymentStatuses.IsDebited(seen.Status))
                {
                    debited += payment.Amount;
                    refunded += refundedByPayment.GetValueOrDefault(payment.PaymentId);
                }
            }

            finals.TryGetValue(userId, out var final);
            var settled = !_unsettledByUser.TryGetValue(userId, out var unsettled);
            var expected = deposited - debited + refunded;
            wallets.Add(new WalletAudit(
                userId, deposited, debited, refunded, settled ? expected : null, final?.Balance, final?.Reserved, final?.Available));
            if (final is null)
            {
                _violations.Add(new(ViolationKind.WalletNotObserved, userId, "the wallet could not be read after the drain"));
                continue;
            }

            if (!settled)
            {
                _notes.Add($"{userId}: balance and reserved not checked, {unsettled} operation(s) with an unknown outcome or not terminal.");
                continue;
            }

            if (final.Balance != expected)
            {
                _violations.Add(new(ViolationKind.BalanceMismatch, userId,
                    $"balance {Format(final.Balance)}, expected deposits {Format(deposited)} − debited {Format(debited)} + refunded {Format(refunded)} " +
                    $"= {Format(expected)} (off by {Format(final.Balance - expected)})"));
            }

            if (final.Reserved != 0)
            {
                _violations.Add(new(ViolationKind.ReservedNotZero, userId,
                    $"{Format(final.Reserved)} still reserved though every payment of the wallet is terminal"));
            }

        }

        return wallets;
    }

    /// <summary>
    /// Every confirmed order against the payments that name it: paid (or moved on by an operator) ⇔ exactly one completed
    /// payment of the order's total; refunded ⇔ that payment fully refunded; unpaid (pending, cancelled) ⇔ none.
    /// </summary>
    private void CheckOrders(Dictionary<string, PaymentObservation> observed)
    {
        var finals = input.FinalOrders.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
        var debitedByOrder = observed.Values
            .Where(p => p.OrderId is not null && PaymentStatuses.IsDebited(p.Status))
            .ToLookup(p => p.OrderId!, StringComparer.Ordinal);
        foreach (var sent in input.Orders.Where(o => o is { Outcome: OperationOutcome.Confirmed, OrderId: not null }))
        {
            if (!finals.TryGetValue(sent.OrderId!, out var order))
            {
                _violations.Add(new(ViolationKind.OrderNotObserved, sent.OrderId!, $"order of {Format(sent.Total)} for {sent.UserId} could not be read back"));
                continue;
            }

            var payments = debitedByOrder[order.OrderId].ToList();
            var payment = payments.Count == 1 && payments[0].Amount == order.TotalAmount ? payments[0] : null;
            var consistent = order.Status switch
            {
                "paid" or "processing" or "shipped" or "delivered" => payment?.Status is PaymentStatuses.Completed or PaymentStatuses.PartiallyRefunded,
                "refunded" => payment?.Status is PaymentStatuses.Refunded,
                _ => payments.Count == 0,
            };
            if (!consistent)
            {
                _violations.Add(new(ViolationKind.OrderPaymentMismatch, order.OrderId,
                    $"order '{order.Status}' of {Format(order.TotalAmount)} has {payments.Count} completed payment(s): " +
                    string.Join(", ", payments.Select(p => $"{p.PaymentId} {Format(p.Amount)} {p.Status}"))));
            }
        }
    }

    /// <summary>Each wallet's ledger replays without a gap to every entry's balance (<see cref="LedgerReplay"/>), and ends at the wallet's final balance.</summary>
    private void CheckLedgers()
    {
        var finals = input.FinalWallets
            .GroupBy(w => w.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(w => w.At).Last(), StringComparer.Ordinal);
        foreach (var ledger in input.FinalLedgers)
        {
            if (LedgerReplay.FindInconsistency(ledger.Entries) is { } problem)
            {
                _violations.Add(new(ViolationKind.LedgerInconsistent, ledger.UserId, problem));
                continue;
            }

            var (balance, available) = LedgerReplay.Replay(ledger.Entries);
            if (finals.TryGetValue(ledger.UserId, out var wallet) && (wallet.Balance != balance || wallet.Available != available))
            {
                _violations.Add(new(ViolationKind.LedgerInconsistent, ledger.UserId,
                    $"the ledger replays to balance {Format(balance)} and available {Format(available)}; the wallet reads {Describe(wallet)}"));
            }
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Describe(SubmitResponse response) =>
        response.StatusCode == 0 ? "no answer" : response.ErrorCode is { } code ? $"{response.StatusCode} {code}" : $"HTTP {response.StatusCode}";

    private string Describe(WalletObservation reading) =>
        $"balance {Format(reading.Balance)}, reserved {Format(reading.Reserved)}, available {Format(reading.Available)}";

    /// <summary>Every amount with the same decimals (the most any input amount has), so that 1000 reads 1000.00 beside 0.50.</summary>
    private string Format(decimal amount) => decimal.Round(amount * _displayOne, _displayScale).ToString(CultureInfo.InvariantCulture);

    private static int DisplayScale(AuditInput input)
    {
        var amounts = input.Deposits.Select(d => d.Amount)
            .Concat(input.Payments.Select(p => p.Amount))
            .Concat(input.Refunds.Where(r => r.Amount is not null).Select(r => r.Amount!.Value))
            .Concat(input.FinalWallets.Select(w => w.Balance))
            .Concat(input.FinalPayments.Select(p => p.Amount));
        return Math.Min(MaxDisplayScale, amounts.Select(a => (int)a.Scale).DefaultIfEmpty(0).Max());
    }

    /// <summary>1 with <paramref name="scale"/> decimals (1.00 for 2): multiplying by it pads an amount to that scale.</summary>
    private static decimal OneWithScale(int scale)
    {
        var one = 1m;
        for (var i = 0; i < scale; i++)
        {
            one *= 1.0m;
        }

        return one;
    }
}
