using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

/// <summary>Re-sending a charge with its idempotency key (payment id and attempt) is how a client resolves a lost answer.</summary>
public sealed class MockGatewayResendTests
{
    [Fact]
    public async Task Charge_ResentWhileTheFirstIsProcessing_IsAnswered202ProcessingThenTheFirstOutcome()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:LatencyMinMs=1000", "Behaviour:LatencyMaxMs=1000");

        // The first request is being processed (its latency); a client that gave up on it sends it again.
        var first = gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-late"));
        await Eventually.UntilAsync(() => gateway.GetStatsAsync(), s => s.RequestsReceived == 1, "the first request to arrive");
        var (resentStatus, resent) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-late"));
        var (firstStatus, landed) = await first;
        var (againStatus, again) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-late"));

        Assert.Equal(202, resentStatus);
        Assert.Equal("processing", resent.GetProperty("status").GetString());
        Assert.Equal(200, firstStatus);
        Assert.Equal(200, againStatus);
        Assert.Equal(landed.GetProperty("charge_id").GetString(), again.GetProperty("charge_id").GetString());
        var stats = await gateway.GetStatsAsync();
        Assert.Equal(1, stats.ChargesApproved);
        Assert.Equal(1, stats.ChargesInProgress);
    }

    [Fact]
    public async Task Charge_OfANewAttempt_IsANewChargeAndARefundOfTheFirstLeavesItWhole()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var (_, first) = await gateway.PostAsync("charges", """{"payment_id":"pay-a","user_id":"user-1","amount":"10.00","currency":"USD"}""");
        var (_, voided) = await gateway.PostAsync("refunds", """{"refund_id":"void_pay-a","payment_id":"pay-a","amount":"10.00","currency":"USD","attempt":0}""");
        var (_, second) = await gateway.PostAsync("charges", """{"payment_id":"pay-a","user_id":"user-1","amount":"10.00","currency":"USD","attempt":1}""");
        var (_, firstView) = await gateway.GetAsync("charges/pay-a");
        var (_, secondView) = await gateway.GetAsync("charges/pay-a?attempt=1");
        var (badStatus, _) = await gateway.PostAsync("charges", """{"payment_id":"pay-a","user_id":"user-1","amount":"10.00","currency":"USD","attempt":-1}""");

        Assert.Equal("approved", voided.GetProperty("status").GetString());
        Assert.NotEqual(first.GetProperty("charge_id").GetString(), second.GetProperty("charge_id").GetString());
        Assert.Equal("10.00", firstView.GetProperty("refunded_amount").GetString());
        Assert.Equal("0.00", secondView.GetProperty("refunded_amount").GetString());
        Assert.Equal(1, secondView.GetProperty("attempt").GetInt32());
        Assert.Equal(400, badStatus);
        Assert.Equal(2, (await gateway.GetStatsAsync()).ChargesApproved);
    }
}
