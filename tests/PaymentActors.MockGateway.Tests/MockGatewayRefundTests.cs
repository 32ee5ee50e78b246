using PaymentActors.MockGateway.Charges;
using PaymentActors.MockGateway.Refunds;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class MockGatewayRefundTests
{
    [Fact]
    public void Refund_OfAChargeStillBeingProcessed_IsNotDeclinedButAskedAgain()
    {
        // A saga resumed after a crash voids the charge its dead silo may have sent; that charge may still be in flight.
        var ledger = new ChargeLedger(new PaymentActors.MockGateway.Authorizations.AuthorizationLedger());
        var charge = new ChargeCommand("pay-inflight", "user-1", 10.00m, "USD");
        var refund = new RefundCommand("void_pay-inflight", "pay-inflight", 10.00m, "USD");
        Assert.True(ledger.TryBegin(charge));

        var (_, whileProcessing) = ledger.Refund(refund, DateTimeOffset.UnixEpoch);
        ledger.Charge(charge, _ => null, DateTimeOffset.UnixEpoch);
        var (record, afterwards) = ledger.Refund(refund, DateTimeOffset.UnixEpoch);

        Assert.Equal(LedgerWrite.ChargeInProgress, whileProcessing);
        Assert.Equal(LedgerWrite.Created, afterwards);
        Assert.True(record.Approved);
    }

    [Fact]
    public async Task Refund_IsIdempotentByRefundIdAndNeverExceedsTheCharge()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-r", amount: "100.00"));

        var (_, first) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-1", "pay-r", "60.00"));
        var (_, repeat) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-1", "pay-r", "60.00"));
        var (_, tooMuch) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-2", "pay-r", "40.01"));
        var (_, rest) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-3", "pay-r", "40.00"));
        var (_, charge) = await gateway.GetAsync("charges/pay-r");

        Assert.Equal("approved", first.GetProperty("status").GetString());
        Assert.Equal("approved", repeat.GetProperty("status").GetString());
        Assert.Equal("declined", tooMuch.GetProperty("status").GetString());
        Assert.Equal("exceeds_refundable_amount", tooMuch.GetProperty("reason").GetString());
        Assert.Equal("approved", rest.GetProperty("status").GetString());
        Assert.Equal("100.00", charge.GetProperty("refunded_amount").GetString());
        var stats = await gateway.GetStatsAsync();
        Assert.Equal(2, stats.RefundsApproved);
        Assert.Equal(1, stats.RefundsDeclined);
        Assert.Equal(1, stats.RefundReplays);
    }

    [Fact]
    public async Task Refund_ConcurrentRequests_NeverRefundMoreThanTheCharge()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-race", amount: "10.00"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            gateway.PostAsync("refunds", RunningMockGateway.RefundJson($"ref-race-{i}", "pay-race", "1.00"))));
        var (_, charge) = await gateway.GetAsync("charges/pay-race");

        Assert.Equal(10, answers.Count(a => a.Body.GetProperty("status").GetString() == "approved"));
        Assert.Equal("10.00", charge.GetProperty("refunded_amount").GetString());
    }

    [Fact]
    public async Task Refund_OfAnUnknownDeclinedOrOtherCurrencyCharge_IsDeclined()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-usd", amount: "5.00"));
        await gateway.SetBehaviourAsync("""{"fail_rate":1}""");
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-no"));

        var (_, unknown) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-a", "pay-ghost", "1.00"));
        var (_, ofDeclined) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-b", "pay-no", "1.00"));
        var (_, otherCurrency) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-c", "pay-usd", "1.00", currency: "EUR"));

        Assert.Equal("charge_not_found", unknown.GetProperty("reason").GetString());
        Assert.Equal("charge_not_approved", ofDeclined.GetProperty("reason").GetString());
        Assert.Equal("currency_mismatch", otherCurrency.GetProperty("reason").GetString());
        Assert.All(new[] { unknown, ofDeclined, otherCurrency }, r => Assert.Equal("declined", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Refund_SameRefundIdWithAnotherAmount_IsAConflict()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-c", amount: "50.00"));
        await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-c", "pay-c", "5.00"));

        var (status, body) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-c", "pay-c", "6.00"));
        var (_, charge) = await gateway.GetAsync("charges/pay-c");

        Assert.Equal(409, status);
        Assert.Equal("refund_id", body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("5.00", charge.GetProperty("refunded_amount").GetString());
    }

    [Fact]
    public async Task Refund_BadAmount_Is400()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var (status, body) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-x", "pay-x", "abc"));

        Assert.Equal(400, status);
        Assert.Equal("amount", body.GetProperty("error").GetProperty("field").GetString());
    }
}
