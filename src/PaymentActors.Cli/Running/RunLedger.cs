using System.Collections.Concurrent;
using System.Diagnostics;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;

namespace PaymentActors.Cli.Running;

/// <summary>What the run sent and observed, collected from every client at once; becomes the auditor's input.</summary>
internal sealed class RunLedger(IReadOnlyList<string> walletUserIds, long startedTimestamp)
{
    private readonly ConcurrentQueue<PaymentIntent> _intents = new();
    private readonly ConcurrentQueue<SentDeposit> _deposits = new();
    private readonly ConcurrentQueue<SentRefund> _refunds = new();
    private readonly ConcurrentQueue<SentCancel> _cancels = new();
    private readonly ConcurrentQueue<WalletObservation> _samples = new();
    private readonly ConcurrentDictionary<string, WalletObservation> _finalWallets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PaymentObservation> _finalPayments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SentOrder> _orders = new();
    private readonly ConcurrentDictionary<string, OrderObservation> _finalOrders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LedgerObservation> _finalLedgers = new(StringComparer.Ordinal);

    public IReadOnlyList<string> WalletUserIds { get; } = walletUserIds;

    public IEnumerable<PaymentIntent> Intents => _intents;

    public IEnumerable<SentDeposit> Deposits => _deposits;

    public IEnumerable<SentRefund> Refunds => _refunds;

    public IEnumerable<SentCancel> Cancels => _cancels;

    public int SampleCount => _samples.Count;

    public IEnumerable<PaymentObservation> FinalPayments => _finalPayments.Values;

    public IEnumerable<WalletObservation> FinalWallets => _finalWallets.Values;

    public PaymentIntent AddIntent(string idempotencyKey, PaymentBody body)
    {
        var intent = new PaymentIntent(idempotencyKey, body);
        _intents.Enqueue(intent);
        return intent;
    }

    public void AddDeposit(SentDeposit deposit) => _deposits.Enqueue(deposit);

    public void AddRefund(SentRefund refund) => _refunds.Enqueue(refund);

    public void AddCancel(SentCancel cancel) => _cancels.Enqueue(cancel);

    public IEnumerable<SentOrder> Orders => _orders;

    public void AddOrder(SentOrder order) => _orders.Enqueue(order);

    public void SetFinalOrder(OrderView order) =>
        _finalOrders[order.Id] = new OrderObservation(order.Id, order.UserId, order.Status, order.TotalAmount, order.PaymentId);

    /// <summary>A wallet's whole ledger, as read newest first.</summary>
    public void SetFinalLedger(string userId, IEnumerable<LedgerEntryView> newestFirst) =>
        _finalLedgers[userId] = new LedgerObservation(userId, [.. newestFirst.Reverse().Select(e => new PaymentActors.Wallets.LedgerEntry(
            e.Sequence, e.Type, e.Amount, e.Currency, e.PaymentId, e.DepositId, e.RefundId, e.BalanceAfter, e.AvailableAfter, e.CreatedAt))]);

    /// <summary>Files a reading under the user id that was asked for, whatever the answer claims.</summary>
    public void AddWalletReading(string userId, WalletView wallet, ObservationSource source) =>
        _samples.Enqueue(ToObservation(userId, wallet, source));

    public void SetFinalWallet(string userId, WalletView wallet) =>
        _finalWallets[userId] = ToObservation(userId, wallet, ObservationSource.Final);

    public void SetFinalPayment(string paymentId, PaymentView payment) =>
        _finalPayments[paymentId] = new PaymentObservation(
            paymentId, payment.UserId, payment.Status, payment.Amount, payment.Currency, payment.FailureReason, payment.RefundedAmount, payment.OrderId);

    public AuditInput ToAuditInput() => new()
    {
        WalletUserIds = WalletUserIds,
        Deposits = _deposits.ToArray(),
        Payments = _intents.Select(i => i.ToSentPayment()).ToArray(),
        Refunds = _refunds.ToArray(),
        Cancels = _cancels.ToArray(),
        WalletSamples = _samples.ToArray(),
        FinalWallets = _finalWallets.Values.ToArray(),
        FinalPayments = _finalPayments.Values.ToArray(),
        Orders = _orders.ToArray(),
        FinalOrders = _finalOrders.Values.ToArray(),
        FinalLedgers = _finalLedgers.Values.ToArray(),
    };

    private WalletObservation ToObservation(string userId, WalletView wallet, ObservationSource source) =>
        new(userId, wallet.Balance, wallet.Reserved, wallet.Available, wallet.Version, source, Stopwatch.GetElapsedTime(startedTimestamp));
}
