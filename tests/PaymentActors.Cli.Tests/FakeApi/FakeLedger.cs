using System.Globalization;
using System.Threading.Channels;

namespace PaymentActors.Cli.Tests.FakeApi;

/// <summary>
/// The fake API's books: wallets, payments and idempotency keys behind one lock, with correct semantics
/// (reserve, then gateway, then debit or release) unless <see cref="FakeApiBehaviour.DoubleDebit"/> plants a bug.
/// Payments are processed by one background loop, so they stay pending for a moment after the 202.
/// </summary>
internal sealed class FakeLedger(FakeApiBehaviour behaviour)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeWallet> _wallets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakePayment> _payments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string UserId, string Key), FakeIdempotencyEntry> _paymentKeys = new();
    private readonly HashSet<(string UserId, string Key)> _depositKeys = [];
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private long _storageWrites;
    private long _completedEvents;
    private long _gatewayCalls;
    private long _nextPaymentId;

    public FakeOutcome<FakeWalletView> Deposit(string userId, decimal amount, string currency, string? key)
    {
        lock (_gate)
        {
            if (key is not null && !_depositKeys.Add((userId, key)))
            {
                return new(View(_wallets[userId]), null, Replayed: true);
            }

            if (!_wallets.TryGetValue(userId, out var wallet))
            {
                _wallets[userId] = wallet = new FakeWallet(userId, currency);
            }

            if (wallet.Currency != currency)
            {
                return FakeOutcome<FakeWalletView>.Fail(422, "currency_mismatch", "The wallet holds another currency.", "currency");
            }

            wallet.Balance += amount;
            Touch(wallet);
            return new(View(wallet), null);
        }
    }

    public FakeWalletView? GetWallet(string userId)
    {
        lock (_gate)
        {
            return _wallets.TryGetValue(userId, out var wallet) ? View(wallet) : null;
        }
    }

    public FakePaymentView? GetPayment(string paymentId)
    {
        lock (_gate)
        {
            return _payments.TryGetValue(paymentId, out var payment) ? View(payment) : null;
        }
    }

    public Task? SettledTask(string paymentId)
    {
        lock (_gate)
        {
            return _payments.TryGetValue(paymentId, out var payment) ? payment.Settled.Task : null;
        }
    }

    /// <summary>Creates the payment, or replays the key's payment, or refuses a reused or busy key.</summary>
    public FakeOutcome<FakePaymentView> CreatePayment(string userId, string serviceId, decimal amount, string currency, string description, string? key)
    {
        lock (_gate)
        {
            var fingerprint = string.Join('|', userId, serviceId, amount.ToString(CultureInfo.InvariantCulture), currency, description);
            if (key is not null && _paymentKeys.TryGetValue((userId, key), out var entry))
            {
                if (entry.Fingerprint != fingerprint)
                {
                    return FakeOutcome<FakePaymentView>.Fail(422, "idempotency_key_reused", "The key was used with another body.");
                }

                if (entry.InFlight)
                {
                    return FakeOutcome<FakePaymentView>.Fail(409, "idempotency_key_in_use", "The key's first request is still running.");
                }

                return new(View(_payments[entry.PaymentId!]), null, Replayed: true);
            }

            var id = "pay-" + (++_nextPaymentId).ToString("D6", CultureInfo.InvariantCulture);
            var payment = new FakePayment(id, userId, serviceId, amount, currency, description);
            _payments[id] = payment;
            _storageWrites++;
            if (key is not null)
            {
                _paymentKeys[(userId, key)] = new FakeIdempotencyEntry(fingerprint) { PaymentId = id };
            }

            _queue.Writer.TryWrite(id);
            return new(View(payment), null);
        }
    }

    /// <summary>The key's first request has answered: later requests replay instead of getting 409.</summary>
    public void ReleaseKey(string userId, string? key)
    {
        lock (_gate)
        {
            if (key is not null && _paymentKeys.TryGetValue((userId, key), out var entry))
            {
                entry.InFlight = false;
            }
        }
    }

    public FakeOutcome<FakePaymentView> Refund(string paymentId, decimal? amount)
    {
        lock (_gate)
        {
            if (!_payments.TryGetValue(paymentId, out var payment))
            {
                return FakeOutcome<FakePaymentView>.Fail(404, "payment_not_found", "No such payment.");
            }

            if (payment.Status is not ("completed" or "partially_refunded"))
            {
                return FakeOutcome<FakePaymentView>.Fail(409, "payment_not_refundable", $"The payment is {payment.Status}.");
            }

            var left = payment.Amount - payment.RefundedAmount;
            var refund = amount ?? left;
            if (refund <= 0 || refund > left)
            {
                return FakeOutcome<FakePaymentView>.Fail(422, "invalid_refund_amount", "The refund exceeds what is left.", "amount");
            }

            var wallet = _wallets[payment.UserId];
            wallet.Balance += refund;
            Touch(wallet);
            payment.RefundedAmount += refund;
            payment.Status = payment.RefundedAmount == payment.Amount ? "refunded" : "partially_refunded";
            Touch(payment);
            return new(View(payment), null);
        }
    }

    public FakeOutcome<FakePaymentView> Cancel(string paymentId)
    {
        lock (_gate)
        {
            if (!_payments.TryGetValue(paymentId, out var payment))
            {
                return FakeOutcome<FakePaymentView>.Fail(404, "payment_not_found", "No such payment.");
            }

            if (payment.Status is not ("pending" or "reserved"))
            {
                return FakeOutcome<FakePaymentView>.Fail(409, "payment_not_cancellable", $"The payment is {payment.Status}.");
            }

            if (payment.Status == "reserved")
            {
                var wallet = _wallets[payment.UserId];
                wallet.Reserved -= payment.Amount;
                Touch(wallet);
            }

            Finish(payment, "cancelled", failureReason: null);
            return new(View(payment), null);
        }
    }

    public string MetricsText()
    {
        lock (_gate)
        {
            // Split over two label sets so that the reader has to add them up.
            var half = _storageWrites / 2;
            return string.Join('\n',
                "# HELP paymentactors_storage_writes_total Storage writes.",
                "# TYPE paymentactors_storage_writes_total counter",
                $"paymentactors_storage_writes_total{{store=\"wallets\"}} {half}",
                $"paymentactors_storage_writes_total{{store=\"payments\"}} {_storageWrites - half}",
                "# TYPE paymentactors_events_total counter",
                $"paymentactors_events_total{{event_type=\"payment.completed\"}} {_completedEvents}",
                $"paymentactors_events_total{{event_type=\"payment.initiated\"}} {_nextPaymentId}",
                string.Empty);
        }
    }

    /// <summary>The parts of GET /metrics/summary the load tester reads: the cluster's completed payments and storage writes.</summary>
    public object Summary()
    {
        lock (_gate)
        {
            return new { payment_success = _completedEvents, storage = new { reads = 0, writes = _storageWrites, processes = 3 } };
        }
    }

    /// <summary>Takes payments off the queue one by one: reserve, then the gateway, then debit or release.</summary>
    public async Task ProcessAsync(CancellationToken stop)
    {
        await foreach (var paymentId in _queue.Reader.ReadAllAsync(stop).ConfigureAwait(false))
        {
            Reserve(paymentId);
            // Let other requests see the reserved state before the gateway answers.
            await Task.Yield();
            Charge(paymentId);
        }
    }

    private void Reserve(string paymentId)
    {
        lock (_gate)
        {
            var payment = _payments[paymentId];
            if (payment.Status != "pending")
            {
                return;
            }

            var wallet = _wallets.GetValueOrDefault(payment.UserId);
            if (wallet is null || wallet.Balance - wallet.Reserved < payment.Amount)
            {
                Finish(payment, "failed", wallet is null ? "wallet_not_found" : "insufficient_funds");
                return;
            }

            wallet.Reserved += payment.Amount;
            Touch(wallet);
            payment.Status = "reserved";
            Touch(payment);
        }
    }

    private void Charge(string paymentId)
    {
        lock (_gate)
        {
            var payment = _payments[paymentId];
            if (payment.Status != "reserved")
            {
                return;
            }

            var wallet = _wallets[payment.UserId];
            wallet.Reserved -= payment.Amount;
            if (++_gatewayCalls % behaviour.GatewayRejectsEvery == 0)
            {
                Touch(wallet);
                Finish(payment, "failed", "gateway_rejected");
                return;
            }

            wallet.Balance -= behaviour.DoubleDebit ? 2 * payment.Amount : payment.Amount;
            Touch(wallet);
            _completedEvents++;
            Finish(payment, "completed", failureReason: null);
        }
    }

    private void Finish(FakePayment payment, string status, string? failureReason)
    {
        payment.Status = status;
        payment.FailureReason = failureReason;
        Touch(payment);
        payment.Settled.TrySetResult();
    }

    private void Touch(FakeWallet wallet)
    {
        wallet.Version++;
        wallet.UpdatedAt = DateTimeOffset.UtcNow;
        _storageWrites++;
    }

    private void Touch(FakePayment payment)
    {
        payment.UpdatedAt = DateTimeOffset.UtcNow;
        _storageWrites++;
    }

    private static FakeWalletView View(FakeWallet wallet) => new(
        "wallet-" + wallet.UserId, wallet.UserId, Money(wallet.Balance), Money(wallet.Reserved), Money(wallet.Balance - wallet.Reserved),
        wallet.Currency, wallet.Version, wallet.UpdatedAt);

    private static FakePaymentView View(FakePayment payment) => new(
        payment.Id, payment.UserId, payment.ServiceId, payment.Status, Money(payment.Amount), payment.Currency, payment.Description,
        payment.FailureReason, payment.CreatedAt, payment.UpdatedAt, Money(payment.RefundedAmount));

    private static string Money(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);
}
