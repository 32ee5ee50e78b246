using System.Globalization;
using PaymentActors.Payments;
using PaymentActors.Payments.Decider;
using PaymentActors.Wallets;
using Effect = PaymentActors.Payments.Decider.PaymentEffect;
using Input = PaymentActors.Payments.Decider.PaymentInput;

namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>
/// One seeded run: payments on a few wallets (the first one hot) driven through the real <see cref="PaymentDecider"/>
/// and <see cref="WalletBook"/>, a model gateway and model storage, with every message sent through one network that
/// delays, reorders and duplicates. A step delivers one message or injects one outside event or fault; the
/// invariants are checked after every step. Then faults stop and the world must settle within a bound.
/// </summary>
internal sealed class PaymentWorld
{
    public const int DrainBound = 20_000;
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan FailedEventRetention = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Epoch = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly int _seed;
    private readonly PaymentDecider _decider = new(maxRetries: 3);
    private readonly List<SimulatedWallet> _wallets = [];
    private readonly List<SimulatedPayment> _payments = [];
    private readonly SimulatedGateway _gateway = new();
    private readonly List<(string What, Action Deliver)> _network = [];
    private readonly List<string> _trace = [];
    private readonly Dictionary<string, DateTimeOffset> _failedEvents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _purgedFailedEvents = new(StringComparer.Ordinal);
    private bool _faults = true;
    private bool _walletsDown;
    private int _step;
    private long _clockMs;

    public PaymentWorld(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        for (var i = 0; i < 3; i++)
        {
            var wallet = new SimulatedWallet("w" + i.ToString(CultureInfo.InvariantCulture));
            wallet.Deposit(_random.Next(100, 400), Now);
            _wallets.Add(wallet);
        }
    }

    public int Steps { get; private set; }

    public SimulationTally Tally { get; } = new();

    private DateTimeOffset Now => Epoch.AddMilliseconds(_clockMs);

    /// <summary>Runs <paramref name="steps"/> steps with faults, then lets the world settle; throws on any broken invariant.</summary>
    public void Run(int steps)
    {
        for (_step = 1; _step <= steps; _step++)
        {
            _clockMs += _random.Next(0, 3) * 500;
            PurgeFailedEvents();
            FaultyStep();
            Check();
        }

        _faults = false;
        _gateway.Down = false;
        _walletsDown = false;
        Trace("-- faults stop --");
        for (var drain = 0; ; drain++, _step++)
        {
            if (drain > DrainBound)
            {
                Fail("liveness: the world did not settle within " + DrainBound + " steps after the faults stopped");
            }

            _clockMs += 1000;
            PurgeFailedEvents();
            if (!QuietStep())
            {
                break;
            }

            Check();
        }

        CheckSettled();
        Steps = _step;
        foreach (var payment in _payments.Where(p => p.Memory.Exists))
        {
            var s = payment.Memory;
            Tally.Add(s.Status.ToWireName() + (s.Failure is { } cause ? "/" + cause.ToReason() : ""));
            Tally.Add("voided", s.ChargeVoided ? 1 : 0);
        }
    }

    private void FaultyStep()
    {
        var roll = _random.NextDouble();
        switch (roll)
        {
            case < 0.08 when _payments.Count < 40:
                CreatePayment();
                return;
            case < 0.10 when _payments.Count > 0:
                ReplayCreate();
                return;
            case < 0.13 when _payments.Count > 0:
                var cancelled = Pick(_payments);
                var reply = Feed(cancelled, new Input.Cancel(Now), "cancel");
                cancelled.CancelPromised |= reply == PaymentReply.Cancelling;
                Tally.Add("cancels " + reply);
                return;
            case < 0.16 when _payments.Count > 0:
                AskRefund(Pick(_payments));
                return;
            case < 0.18 when _payments.Count > 0:
                var retried = Pick(_payments);
                Tally.Add("operator retries " + Feed(retried, new Input.OperatorRetry("fe-" + retried.Id + "-" + retried.Memory.Attempt, "operator", Now), "operator retry"));
                return;
            case < 0.20 when _payments.Count > 0:
                var lost = Pick(_payments);
                Trace($"{lost.Id} activation lost");
                lost.Lost = true;
                Tally.Add("payment activations lost");
                lost.CancelPromised = false;
                return;
            case < 0.21:
                var restarted = Pick(_wallets);
                Trace($"{restarted.UserId} activation lost");
                restarted.Restart();
                Tally.Add("wallet activations lost");
                return;
            case < 0.24:
                ExpireDue(Pick(_wallets));
                return;
            case < 0.25:
                _gateway.Down = !_gateway.Down;
                Trace("gateway " + (_gateway.Down ? "down" : "up"));
                return;
            case < 0.26:
                _walletsDown = !_walletsDown;
                Trace("wallets " + (_walletsDown ? "unreachable" : "reachable"));
                Tally.Add("wallet outages", _walletsDown ? 1 : 0);
                return;
            case < 0.28 when _payments.Count > 0:
                var poked = Pick(_payments);
                Feed(poked, new Input.Resume(Now), "recovery check");
                return;
        }

        DeliverOne();
    }

    /// <summary>No faults: deliver, expire what is due, resume what is unfinished. False once nothing is left to do.</summary>
    private bool QuietStep()
    {
        if (_network.Count > 0)
        {
            DeliverOne();
            return true;
        }

        if (_payments.FirstOrDefault(p => p.Lost || (p.Memory.Exists && !p.Memory.IsSettled) || (!p.Memory.Exists && p.Durable is { IsSettled: false })) is { } unfinished)
        {
            // The recovery partition's reminder finds it unfinished past the grace period.
            Feed(unfinished, new Input.Resume(Now), "recovery check");
            return true;
        }

        if (_wallets.FirstOrDefault(w => w.Book.ActiveReservationCount > 0) is { } holding)
        {
            _clockMs = Math.Max(_clockMs, (long)(holding.Book.Reservations.Min(r => r.ExpiresAt) - Epoch).TotalMilliseconds);
            ExpireDue(holding);
            return true;
        }

        return false;
    }

    private void CreatePayment()
    {
        var wallet = _wallets[_random.NextDouble() switch { < 0.6 => 0, < 0.85 => 1, _ => 2 }];
        var amount = _random.Next(100, 6000) / 100m;
        var id = "pay-" + _payments.Count.ToString(CultureInfo.InvariantCulture);
        var payment = new SimulatedPayment(id, wallet, new PaymentRequest(wallet.UserId, "svc", new Money.Money(amount, "USD"), null));
        _payments.Add(payment);
        Feed(payment, new Input.Create(id, payment.Request, Now), "create " + amount.ToString(CultureInfo.InvariantCulture));
    }

    private void ReplayCreate()
    {
        var payment = Pick(_payments);
        var before = payment.Lost ? null : payment.Memory;

        // Another amount under the same id, against the payment as it stands: refused, and nothing changes.
        var mismatched = before is { Request: not null } && _random.NextDouble() < 0.3;
        var request = mismatched ? before!.Request! with { Amount = new Money.Money(before.Request!.Amount.Amount + 1, "USD") } : payment.Request;
        var reply = Feed(payment, new Input.Create(payment.Id, request, Now), mismatched ? "create again, another amount" : "create again");
        if (mismatched && (reply != PaymentReply.RequestMismatch || !ReferenceEquals(before, payment.Memory)))
        {
            Fail($"a create of {payment.Id} with another amount was answered {reply} and changed it");
        }
    }

    private void AskRefund(SimulatedPayment payment)
    {
        string refundId;
        decimal? amount;
        if (payment.RefundIds.Count > 0 && _random.NextDouble() < 0.4)
        {
            // A replayed refund (same idempotency key, same amount): it must never move money twice.
            refundId = Pick(payment.RefundIds);
            amount = payment.Memory.Refunds.Find(r => r.Id == refundId)?.Amount;
        }
        else
        {
            refundId = "rf-" + payment.Id + "-" + payment.RefundsAsked++.ToString(CultureInfo.InvariantCulture);
            amount = _random.NextDouble() < 0.3 ? null : Math.Max(0.01m, decimal.Round(payment.Request.Amount.Amount * (decimal)_random.NextDouble(), 2));
        }

        var reply = Feed(payment, new Input.RefundRequested(refundId, amount, "sim", "operator", Now), $"refund {refundId} {amount}");
        Tally.Add("refunds " + reply);
        if (reply == PaymentReply.RefundAccepted)
        {
            payment.RefundIds.Add(refundId);
        }
    }

    private void ExpireDue(SimulatedWallet wallet)
    {
        foreach (var due in wallet.Book.DueForExpiry(Now))
        {
            wallet.Book.CloseReservation(due, ReservationStatus.Expired, Now, wallet.NextEventId());
            if (!wallet.Commit(fails: Faulty(SimulationFaults.WalletWriteFails)))
            {
                Trace($"{wallet.UserId} expiry of {due.Key}: write failed");
                return;
            }

            Trace($"{wallet.UserId} expired {due.Key}");
            Tally.Add("reservations expired");
            var payment = _payments.First(p => p.Id == due.PaymentId);
            Send($"{payment.Id} <- reservation expired #{due.Attempt}", payment, new Input.ReservationExpired(due.Attempt, Now));
        }
    }

    /// <summary>Delivers one input to a payment's activation (reactivating and resuming it first if it was lost), then performs the effects.</summary>
    private PaymentReply Feed(SimulatedPayment payment, PaymentInput input, string what)
    {
        if (payment.Lost)
        {
            payment.Lost = false;
            payment.Memory = payment.Durable ?? PaymentDeciderState.Empty;
            Trace($"{payment.Id} reactivated from storage ({(payment.Durable is null ? "none" : payment.Durable.Status.ToWireName())})");
            if (payment.Memory.Exists && !payment.Memory.IsSettled)
            {
                Apply(payment, new Input.Resume(Now), "resume after restart");
            }
        }

        return Apply(payment, input, what);
    }

    private PaymentReply Apply(SimulatedPayment payment, PaymentInput input, string what)
    {
        var decision = _decider.Decide(payment.Memory, input);
        payment.Memory = decision.State;
        Trace($"{payment.Id} <- {what}: {decision.Reply}; {string.Join(", ", decision.Changes.Select(Describe))}");
        foreach (var effect in decision.Effects)
        {
            if (effect is Effect.Persist)
            {
                if (Faulty(SimulationFaults.PaymentStorageFails))
                {
                    Trace($"{payment.Id} write failed before landing");
                    Tally.Add("payment writes failed");
                    return Refused(payment, decision.Reply);
                }

                payment.Durable = payment.Memory;
                if (Faulty(SimulationFaults.PaymentStorageLandsButFails))
                {
                    Trace($"{payment.Id} write landed but looked failed");
                    Tally.Add("payment writes landed but looked failed");
                    return Refused(payment, decision.Reply);
                }

                continue;
            }

            Perform(payment, effect);
        }

        return decision.Reply;
    }

    private PaymentReply Refused(SimulatedPayment payment, PaymentReply reply)
    {
        var answer = Apply(payment, new Input.StorageRefused(Now), "storage refused");
        if (answer == PaymentReply.Unavailable)
        {
            // The creation was not accepted: the activation goes, and the next call reads what storage really holds.
            payment.Lost = true;
            return answer;
        }

        return reply;
    }

    private void Perform(SimulatedPayment payment, PaymentEffect effect)
    {
        var wallet = payment.Wallet;
        var id = payment.Id;
        switch (effect)
        {
            case Effect.Reserve reserve:
                SendToWallet($"{wallet.UserId} reserve {id}#{reserve.Attempt}", payment, PaymentStep.Reserve, reserve.Attempt, () => Reserve(payment, reserve));
                break;
            case Effect.Confirm confirm:
                SendToWallet($"{wallet.UserId} confirm {id}#{confirm.Attempt}", payment, PaymentStep.Confirm, confirm.Attempt, () =>
                {
                    var closedAs = Close(payment, confirm.Attempt, ReservationStatus.Confirmed, null, confirm.Listing);
                    var key = ReservationRecord.KeyOf(payment.Id, confirm.Attempt);
                    return new Input.Confirmed(confirm.Attempt, closedAs, closedAs == ReservationStatus.Released ? wallet.ReleaseCauses[key] : null, Now);
                });
                break;
            case Effect.Release release:
                SendToWallet($"{wallet.UserId} release {id}#{release.Attempt}", payment, PaymentStep.Release, release.Attempt, () =>
                {
                    var closedAs = Close(payment, release.Attempt, ReservationStatus.Released, release.Cause, release.Listing);
                    var key = ReservationRecord.KeyOf(payment.Id, release.Attempt);
                    return new Input.Released(release.Attempt, closedAs, closedAs == ReservationStatus.Released ? wallet.ReleaseCauses[key] : null, Now);
                });
                break;
            case Effect.CreditWallet credit:
                SendToWallet($"{wallet.UserId} credit {credit.RefundId}", payment, PaymentStep.CreditWallet, payment.Memory.Attempt, () => Credit(payment, credit), credit.RefundId);
                break;
            // A gateway that is down (or a breaker that is open) refuses on this side: nothing goes on the network.
            case Effect.Charge charge when _gateway.Down || Faulty(SimulationFaults.GatewayRefusesBeforeSending):
                Send($"{id} <- charge #{charge.Attempt} send {charge.Send} not sent", payment, new Input.Charged(charge.Attempt, charge.Send, ChargeVerdict.NotSent, null, Now));
                break;
            case Effect.Charge charge:
                SendRaw($"gateway charge {id}#{charge.Attempt} send {charge.Send}", () => Charge(payment, charge));
                break;
            case Effect.VoidCharge voidCharge when _gateway.Down:
                Send($"{id} <- void failed (gateway down)", payment, new Input.StepFailed(PaymentStep.VoidCharge, voidCharge.Attempt, null, Now));
                break;
            case Effect.VoidCharge voidCharge:
                SendRaw($"gateway void {voidCharge.VoidId}", () => Void(payment, voidCharge));
                break;
            case Effect.RefundAtGateway refund when _gateway.Down:
                Send($"{id} <- refund {refund.RefundId} failed (gateway down)", payment, new Input.StepFailed(PaymentStep.RefundAtGateway, payment.Memory.Attempt, refund.RefundId, Now));
                break;
            case Effect.RefundAtGateway refund:
                SendRaw($"gateway refund {refund.RefundId}", () => Refund(payment, refund));
                break;
            case Effect.UpdateListing update:
                SendListing(payment, update.Listing);
                break;
            case Effect.RecordFailure failure:
                RecordFailure(payment, failure);
                break;
        }
    }

    /// <summary>The failed-event store: one record per payment attempt (its id derives from the failure), purged after the retention.</summary>
    private void RecordFailure(SimulatedPayment payment, Effect.RecordFailure failure)
    {
        if (payment.Memory.Status != PaymentStatus.Failed)
        {
            Fail($"{payment.Id}: a failure ({failure.Cause}) was recorded for a payment that is {payment.Memory.Status.ToWireName()}");
        }

        var key = payment.Id + "#" + payment.Memory.Attempt.ToString(CultureInfo.InvariantCulture);
        if (_purgedFailedEvents.Contains(key))
        {
            Fail($"{payment.Id}: the failed event of attempt {payment.Memory.Attempt}, purged after its retention, came back");
        }

        _failedEvents.TryAdd(key, Now);
    }

    private void PurgeFailedEvents()
    {
        foreach (var (key, _) in _failedEvents.Where(f => f.Value <= Now - FailedEventRetention).ToList())
        {
            _failedEvents.Remove(key);
            _purgedFailedEvents.Add(key);
        }
    }

    private Input Reserve(SimulatedPayment payment, Effect.Reserve reserve)
    {
        var book = payment.Wallet.Book;
        var key = ReservationRecord.KeyOf(payment.Id, reserve.Attempt);
        if (book.FindReservation(key) is not null)
        {
            payment.Wallet.List(payment.Id, reserve.Listing);
            return new Input.Reserved(reserve.Attempt, Now);
        }

        if (book.FindClosed(key) is { } closed)
        {
            return new Input.ReservationFoundClosed(reserve.Attempt, closed.Status, payment.Wallet.ReleaseCauses.GetValueOrDefault(key, FailureCause.ReservationExpired), Now);
        }

        if (!book.TryReserve(payment.Id, reserve.Attempt, reserve.Amount, Now, Ttl, payment.Wallet.NextEventId(), out _))
        {
            return new Input.ReserveRefused(reserve.Attempt, FailureCause.InsufficientFunds, Now);
        }

        if (!payment.Wallet.Commit(Faulty(SimulationFaults.WalletWriteFails)))
        {
            return new Input.StepFailed(PaymentStep.Reserve, reserve.Attempt, null, Now);
        }

        payment.Wallet.List(payment.Id, reserve.Listing);
        return new Input.Reserved(reserve.Attempt, Now);
    }

    /// <summary>A one-way row update, retried until the wallet has written it (it may still cross another one).</summary>
    private void SendListing(SimulatedPayment payment, PaymentListing listing) =>
        SendRaw($"{payment.Wallet.UserId} list {payment.Id} as {listing.Status.ToWireName()} (v{listing.Version})", () =>
        {
            if (_walletsDown || Faulty(SimulationFaults.WalletUnreachable))
            {
                SendListing(payment, listing);
                return;
            }

            payment.Wallet.List(payment.Id, listing);
        });

    private ReservationStatus Close(SimulatedPayment payment, int attempt, ReservationStatus target, FailureCause? cause, PaymentListing listing)
    {
        var wallet = payment.Wallet;
        var key = ReservationRecord.KeyOf(payment.Id, attempt);
        if (wallet.Book.FindReservation(key) is { } active)
        {
            wallet.Book.CloseReservation(active, target, Now, wallet.NextEventId(), cause?.ToReason());
            if (!wallet.Commit(Faulty(SimulationFaults.WalletWriteFails)))
            {
                throw new WalletWriteFailed();
            }

            if (cause is { } released)
            {
                wallet.ReleaseCauses[key] = released;
            }

            wallet.List(payment.Id, listing);
            return target;
        }

        return wallet.Book.FindClosed(key)?.Status ?? ReservationStatus.Unknown;
    }

    private Input Credit(SimulatedPayment payment, Effect.CreditWallet credit)
    {
        var wallet = payment.Wallet;
        if (!wallet.Credited(credit.RefundId) && wallet.Book.FindRecentOperation(credit.RefundId) is null)
        {
            wallet.Book.Credit(credit.RefundId, payment.Id, new Money.Money(credit.Amount, "USD"), Now, wallet.NextEventId(), credit.Actor);
            if (!wallet.Commit(Faulty(SimulationFaults.WalletWriteFails)))
            {
                throw new WalletWriteFailed();
            }
        }

        return new Input.RefundCredited(credit.RefundId, Now);
    }

    private void Charge(SimulatedPayment payment, Effect.Charge charge)
    {
        var answer = $"{payment.Id} <- charge #{charge.Attempt} send {charge.Send}";

        var key = ReservationRecord.KeyOf(payment.Id, charge.Attempt);
        if (!_gateway.Charges.TryGetValue(key, out var record))
        {
            record = new SimulatedCharge(payment.Id, charge.Attempt, charge.Amount);
            _gateway.Add(key, record);
            if (Faulty(SimulationFaults.GatewayLandsAfterTimeout))
            {
                // The request is in the gateway's hands but not processed yet: it lands later, whatever happens meanwhile.
                SendRaw($"gateway processes {key} late", () => Process(record));
                Tally.Add("charges landing late");
                Send(answer + " unknown (in flight)", payment, new Input.Charged(charge.Attempt, charge.Send, ChargeVerdict.Unknown, null, Now));
                return;
            }

            Process(record);
        }

        var verdict = record.Verdict switch
        {
            null => ChargeVerdict.Unknown,
            _ when Faulty(SimulationFaults.GatewayTimesOut) => ChargeVerdict.Unknown,
            true => ChargeVerdict.Approved,
            false => ChargeVerdict.Declined,
        };
        Send($"{answer} {verdict}", payment, new Input.Charged(charge.Attempt, charge.Send, verdict, verdict == ChargeVerdict.Approved ? "ch_" + key : null, Now));
    }

    private void Process(SimulatedCharge record)
    {
        record.Verdict ??= !Faulty(SimulationFaults.GatewayDeclines);
        Trace($"gateway {(record.Verdict == true ? "approved" : "declined")} {record.PaymentId}#{record.Attempt}");
    }

    private void Void(SimulatedPayment payment, Effect.VoidCharge voidCharge)
    {
        var key = ReservationRecord.KeyOf(payment.Id, voidCharge.Attempt);
        if (_gateway.Charges.TryGetValue(key, out var record) && record.Verdict == true)
        {
            record.Voided = true;
        }
        else
        {
            _gateway.VoidsOfUnknownCharges++;
        }

        Send($"{payment.Id} <- voided #{voidCharge.Attempt}", payment, new Input.Voided(voidCharge.Attempt, "rf_" + voidCharge.VoidId, Now));
    }

    private void Refund(SimulatedPayment payment, Effect.RefundAtGateway refund)
    {
        if (!_gateway.Refunds.TryGetValue(refund.RefundId, out var verdict))
        {
            var approved = refund.Amount <= _gateway.Refundable(payment.Id) && !Faulty(SimulationFaults.RefundDeclined);
            verdict = (payment.Id, refund.Amount, approved);
            _gateway.AddRefund(refund.RefundId, payment.Id, refund.Amount, approved);
        }

        Send($"{payment.Id} <- refund {refund.RefundId} {(verdict.Approved ? "approved" : "declined")}", payment,
            new Input.RefundAnswered(refund.RefundId, verdict.Approved, verdict.Approved ? "rf_" + refund.RefundId : null, Now));
    }

    /// <summary>A wallet call: unreachable (no effect), or applied (a failed write undoes it) and answered.</summary>
    private void SendToWallet(string what, SimulatedPayment payment, PaymentStep step, int attempt, Func<Input> call, string? refundId = null) =>
        SendRaw(what, () =>
        {
            Input answer;
            if (_walletsDown || Faulty(SimulationFaults.WalletUnreachable))
            {
                answer = new Input.StepFailed(step, attempt, refundId, Now);
            }
            else
            {
                try
                {
                    answer = call();
                }
                catch (WalletWriteFailed)
                {
                    answer = new Input.StepFailed(step, attempt, refundId, Now);
                }
            }

            Send($"{payment.Id} <- {step} answer", payment, answer);
        });

    private void Send(string what, SimulatedPayment payment, PaymentInput input) => SendRaw(what, () => Feed(payment, input, what));

    private void SendRaw(string what, Action deliver)
    {
        _network.Add((what, deliver));
        if (Faulty(SimulationFaults.AnswerDuplicated))
        {
            Tally.Add("messages duplicated");
            _network.Add((what + " (duplicate)", deliver));
        }
    }

    private void DeliverOne()
    {
        if (_network.Count == 0)
        {
            return;
        }

        // Any message in flight may be next: delays and reordering in one rule.
        var index = _random.Next(_network.Count);
        var (what, deliver) = _network[index];
        _network.RemoveAt(index);
        Trace("deliver " + what);
        deliver();
    }

    private bool Faulty(double probability) => _faults && _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Trace(string line) => _trace.Add($"[{_step,4} t={_clockMs / 1000.0,6:0.0}s] {line}");

    private static string Describe(PaymentChange change) => change.GetType().Name + change switch
    {
        PaymentChange.StepStarted s => "(" + s.Step + (s.RefundId is null ? "" : " " + s.RefundId) + ")",
        PaymentChange.ChargeAnswered a => "(" + a.Verdict + ")",
        PaymentChange.ReservationClosed c => "(" + c.ClosedAs + ")",
        PaymentChange.EndingChosen e => "(" + e.Status + " " + e.Cause + ")",
        PaymentChange.Ended e => "(" + e.Status + " " + e.Cause + ")",
        _ => "",
    };

    private void Fail(string message) =>
        throw new SimulationFailure($"seed {_seed}, step {_step}: {message}", _trace);

    private void Check()
    {
        foreach (var wallet in _wallets)
        {
            var book = wallet.Book;
            if (book.Available < 0 || book.Reserved < 0)
            {
                Fail($"overdraft: {wallet.UserId} available {book.Available}, reserved {book.Reserved}");
            }

            if (wallet.LedgerSum != book.Balance)
            {
                Fail($"money not conserved at {wallet.UserId}: deposits - debits + credits = {wallet.LedgerSum}, balance {book.Balance}");
            }

            foreach (var entry in wallet.Unchecked)
            {
                if (entry.Type == LedgerEntryTypes.Credit &&
                    (wallet.CreditsByRefund[entry.RefundId!] > 1 || !_gateway.Refunds.TryGetValue(entry.RefundId!, out var verdict) || !verdict.Approved))
                {
                    Fail($"refund {entry.RefundId} credited twice or without the gateway's approval");
                }

                if (entry.Type == LedgerEntryTypes.Deduct &&
                    (wallet.DebitsByPayment[entry.PaymentId!].Count > 1 || !_gateway.EverApproved(entry.PaymentId!)))
                {
                    Fail($"{entry.PaymentId} debited twice or without an approved charge");
                }
            }

            wallet.Unchecked.Clear();
        }

        foreach (var payment in _payments)
        {
            if (payment.Memory.IsSettled && !payment.Lost)
            {
                CheckSettled(payment, payment.Wallet.DebitsByPayment.TryGetValue(payment.Id, out var debits) ? debits.Sum() : 0m);
            }
        }
    }

    private void CheckSettled(SimulatedPayment payment, decimal debited)
    {
        var s = payment.Memory;
        var net = _gateway.NetCharged(payment.Id);
        if (net != debited)
        {
            Fail($"{payment.Id} is settled ({s.Status.ToWireName()}) with {net} charged at the gateway and {debited} debited");
        }

        var credited = payment.Wallet.CreditedByPayment.GetValueOrDefault(payment.Id);
        if (credited != _gateway.Refunded(payment.Id) || credited != s.Refunded)
        {
            Fail($"{payment.Id} refunds disagree: credited {credited}, gateway {_gateway.Refunded(payment.Id)}, payment {s.Refunded}");
        }

        if (s.Status.WasCharged() != (debited > 0))
        {
            Fail($"{payment.Id} is {s.Status.ToWireName()} with {debited} debited");
        }
    }

    private void CheckSettled()
    {
        Check();
        foreach (var payment in _payments.Where(p => p.Memory.Exists || p.Durable is not null))
        {
            if (!payment.Memory.IsSettled)
            {
                Fail($"liveness: {payment.Id} did not settle ({payment.Memory.Status.ToWireName()}, awaiting {payment.Memory.Awaiting})");
            }

            if (!payment.Wallet.Listings.TryGetValue(payment.Id, out var row) || row.Status != payment.Memory.Status)
            {
                Fail($"{payment.Id} is {payment.Memory.Status.ToWireName()} but its list row says {row?.Status.ToWireName() ?? "nothing"}");
            }

            if (payment.CancelPromised && payment.Memory.Status != PaymentStatus.Cancelled)
            {
                Fail($"{payment.Id}: a cancel was accepted but it ended {payment.Memory.Status.ToWireName()}");
            }
        }

        if (_wallets.FirstOrDefault(w => w.Book.Reserved != 0) is { } holding)
        {
            Fail($"a hold never ended at {holding.UserId}: {holding.Book.Reserved} reserved");
        }

        var deposits = _wallets.Sum(w => w.Deposits);
        var balances = _wallets.Sum(w => w.Book.Balance);
        var charged = _payments.Sum(p => _gateway.NetCharged(p.Id));
        var refunded = _payments.Sum(p => _gateway.Refunded(p.Id));
        if (deposits != balances + charged - refunded)
        {
            Fail($"money not conserved: deposits {deposits} != balances {balances} + charges {charged} - refunds {refunded}");
        }
    }

    /// <summary>The wallet's write failed: the call is answered as failed, and nothing it did stands.</summary>
    private sealed class WalletWriteFailed : Exception;
}
