using System.Collections.Concurrent;
using System.Diagnostics;
using PaymentActors.Cli.Api;
using PaymentActors.Cli.Auditing;

namespace PaymentActors.Cli.Running;

/// <summary>What the run sent and observed, collected from every client at once; becomes the auditor's input.</summary>
internal sealed class RunLedger(IReadOnlyList<string> walletUserIds, long startedTimestamp)
{
    private readonly ConcurrentQueue<PaymentIntent> intents = new();
    private readonly ConcurrentQueue<SentDeposit> deposits = new();
    private readonly ConcurrentQueue<SentRefund> refunds = new();
    private readonly ConcurrentQueue<SentCancel> cancels = new();
    private readonly ConcurrentQueue<WalletObservation> samples = new();
    private readonly ConcurrentDictionary<string, WalletObservation> finalWallets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PaymentObservation> finalPayments = new(StringComparer.Ordinal);

    public IReadOnlyList<string> WalletUserIds { get; } = walletUserIds;

    public IEnumerable<PaymentIntent> Intents => intents;

    public IEnumerable<SentDeposit> Deposits => deposits;

    public IEnumerable<SentRefund> Refunds => refunds;

    public IEnumerable<SentCancel> Cancels => cancels;

    public int SampleCount => samples.Count;

    public IEnumerable<PaymentObservation> FinalPayments => finalPayments.Values;

    public IEnumerable<WalletObservation> FinalWallets => finalWallets.Values;

    public PaymentIntent AddIntent(string idempotencyKey, PaymentBody body)
    {
        var intent = new PaymentIntent(idempotencyKey, body);
        intents.Enqueue(intent);
        return intent;
    }

    public void AddDeposit(SentDeposit deposit) => deposits.Enqueue(deposit);

    public void AddRefund(SentRefund refund) => refunds.Enqueue(refund);

    public void AddCancel(SentCancel cancel) => cancels.Enqueue(cancel);

    /// <summary>Files a reading under the user id that was asked for, whatever the answer claims.</summary>
    public void AddWalletReading(string userId, WalletView wallet, ObservationSource source) =>
        samples.Enqueue(ToObservation(userId, wallet, source));

    public void SetFinalWallet(string userId, WalletView wallet) =>
        finalWallets[userId] = ToObservation(userId, wallet, ObservationSource.Final);

    public void SetFinalPayment(string paymentId, PaymentView payment) =>
        finalPayments[paymentId] = new PaymentObservation(
            paymentId, payment.UserId, payment.Status, payment.Amount, payment.Currency, payment.FailureReason, payment.RefundedAmount);

    public AuditInput ToAuditInput() => new()
    {
        WalletUserIds = WalletUserIds,
        Deposits = deposits.ToArray(),
        Payments = intents.Select(i => i.ToSentPayment()).ToArray(),
        Refunds = refunds.ToArray(),
        Cancels = cancels.ToArray(),
        WalletSamples = samples.ToArray(),
        FinalWallets = finalWallets.Values.ToArray(),
        FinalPayments = finalPayments.Values.ToArray(),
    };

    private WalletObservation ToObservation(string userId, WalletView wallet, ObservationSource source) =>
        new(userId, wallet.Balance, wallet.Reserved, wallet.Available, wallet.Version, source, Stopwatch.GetElapsedTime(startedTimestamp));
}
