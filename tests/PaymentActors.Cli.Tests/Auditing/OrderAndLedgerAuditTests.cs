using PaymentActors.Cli.Auditing;
using PaymentActors.Wallets;
using static PaymentActors.Cli.Tests.Auditing.CleanRun;

namespace PaymentActors.Cli.Tests.Auditing;

/// <summary>
/// The clean run with orders and ledgers: order o1 paid by p1 (10.00), order o2 never paid; the busy wallet's ledger
/// replays to its 75.00, the idle one's to 50.00. Each test breaks one thing.
/// </summary>
public sealed class OrderAndLedgerAuditTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly AuditInput WithOrders = Input with
    {
        Orders =
        [
            new SentOrder(Wallet, "run-order-1", 10.00m, "USD", "o1", OperationOutcome.Confirmed),
            new SentOrder(Wallet, "run-order-2", 10.00m, "USD", "o2", OperationOutcome.Confirmed),
        ],
        FinalOrders =
        [
            new OrderObservation("o1", Wallet, "paid", 10.00m, "p1"),
            new OrderObservation("o2", Wallet, "pending", 10.00m, null),
        ],
        FinalPayments = Replace(Input.FinalPayments, p => p.PaymentId == "p1", new PaymentObservation("p1", Wallet, "completed", 10.00m, "USD", null, 0m, "o1")),
        FinalLedgers =
        [
            new LedgerObservation(Wallet,
            [
                Entry(1, LedgerEntryTypes.Deposit, 100.00m, 100.00m, 100.00m),
                Entry(2, LedgerEntryTypes.Reserve, 10.00m, 100.00m, 90.00m),
                Entry(3, LedgerEntryTypes.Deduct, 10.00m, 90.00m, 90.00m),
                Entry(4, LedgerEntryTypes.Reserve, 20.00m, 90.00m, 70.00m),
                Entry(5, LedgerEntryTypes.Deduct, 20.00m, 70.00m, 70.00m),
                Entry(6, LedgerEntryTypes.Reserve, 30.00m, 70.00m, 40.00m),
                Entry(7, LedgerEntryTypes.Release, 30.00m, 70.00m, 70.00m),
                Entry(8, LedgerEntryTypes.Reserve, 1.00m, 70.00m, 69.00m),
                Entry(9, LedgerEntryTypes.Release, 1.00m, 70.00m, 70.00m),
                Entry(10, LedgerEntryTypes.Credit, 5.00m, 75.00m, 75.00m),
            ]),
            new LedgerObservation(IdleWallet, [Entry(1, LedgerEntryTypes.Deposit, 50.00m, 50.00m, 50.00m)]),
        ],
    };

    [Fact]
    public void Orders_matching_their_payments_and_ledgers_that_replay_to_the_balance_pass()
    {
        var result = LoadTestAuditor.Audit(WithOrders);

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Violations));
        Assert.Equal(2, result.Coverage.OrdersChecked);
        Assert.Equal(2, result.Coverage.LedgersReplayed);
    }

    [Theory]
    [InlineData("paid", "failed", "o1")]        // paid, but its only payment failed
    [InlineData("pending", "completed", "o1")]  // a payment of it completed, but it reads unpaid
    [InlineData("refunded", "completed", "o1")] // refunded, but its payment was not
    public void An_order_whose_status_disagrees_with_its_payments_fails(string orderStatus, string paymentStatus, string orderId)
    {
        var input = WithOrders with
        {
            FinalOrders = Replace(WithOrders.FinalOrders, o => o.OrderId == orderId, new OrderObservation(orderId, Wallet, orderStatus, 10.00m, "p1")),
            FinalPayments = Replace(WithOrders.FinalPayments, p => p.PaymentId == "p1", new PaymentObservation("p1", Wallet, paymentStatus, 10.00m, "USD", null, 0m, orderId)),
        };

        var violations = LoadTestAuditor.Audit(input).Violations.Where(v => v.Kind == ViolationKind.OrderPaymentMismatch).ToList();

        Assert.Equal(orderId, Assert.Single(violations).Subject);
    }

    [Fact]
    public void An_order_paid_by_two_completed_payments_fails()
    {
        // p2 (20.00) also names o1: two completed payments, and not of the order's total.
        var input = WithOrders with
        {
            FinalPayments = Replace(WithOrders.FinalPayments, p => p.PaymentId == "p2", new PaymentObservation("p2", Wallet, "partially_refunded", 20.00m, "USD", null, 5.00m, "o1")),
        };

        var violation = Assert.Single(LoadTestAuditor.Audit(input).Violations);

        Assert.Equal(ViolationKind.OrderPaymentMismatch, violation.Kind);
        Assert.Contains("2 completed payment(s)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ledger_with_a_gap_or_that_ends_elsewhere_than_the_balance_fails()
    {
        var gap = WithOrders with
        {
            FinalLedgers = Replace(WithOrders.FinalLedgers, l => l.UserId == IdleWallet,
                new LedgerObservation(IdleWallet, [Entry(2, LedgerEntryTypes.Deposit, 50.00m, 50.00m, 50.00m)])),
        };
        var elsewhere = WithOrders with
        {
            FinalLedgers = Replace(WithOrders.FinalLedgers, l => l.UserId == IdleWallet,
                new LedgerObservation(IdleWallet, [Entry(1, LedgerEntryTypes.Deposit, 40.00m, 40.00m, 40.00m)])),
        };

        var gapViolation = Assert.Single(LoadTestAuditor.Audit(gap).Violations);
        var elsewhereViolation = Assert.Single(LoadTestAuditor.Audit(elsewhere).Violations);

        Assert.Equal((ViolationKind.LedgerInconsistent, IdleWallet), (gapViolation.Kind, gapViolation.Subject));
        Assert.Contains("sequence 2", gapViolation.Message, StringComparison.Ordinal);
        Assert.Equal((ViolationKind.LedgerInconsistent, IdleWallet), (elsewhereViolation.Kind, elsewhereViolation.Subject));
        Assert.Contains("replays to balance 40.00", elsewhereViolation.Message, StringComparison.Ordinal);
    }

    private static LedgerEntry Entry(long sequence, string type, decimal amount, decimal balanceAfter, decimal availableAfter) =>
        new(sequence, type, amount, "USD", null, null, null, balanceAfter, availableAfter, At);
}
