using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class MockGatewayChargeTests
{
    [Fact]
    public async Task Charge_RepeatedPaymentId_ReturnsTheFirstOutcomeAndChargesOnce()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var (firstStatus, first) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-1"));
        var (repeatStatus, repeat) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-1", amount: "100.5"));

        Assert.Equal(200, firstStatus);
        Assert.Equal("approved", first.GetProperty("status").GetString());
        Assert.Equal("100.50", first.GetProperty("amount").GetString());
        Assert.StartsWith("ch_", first.GetProperty("charge_id").GetString());
        Assert.Equal(200, repeatStatus);
        Assert.Equal(first.GetProperty("charge_id").GetString(), repeat.GetProperty("charge_id").GetString());
        var stats = await gateway.GetStatsAsync();
        Assert.Equal(1, stats.ChargesApproved);
        Assert.Equal(1, stats.ChargeReplays);
    }

    [Fact]
    public async Task Charge_RepeatOfADecline_StaysDeclinedAfterTheFailRateChanges()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:FailRate=1");

        var (_, first) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-declined"));
        await gateway.SetBehaviourAsync("""{"fail_rate":0}""");
        var (status, repeat) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-declined"));

        Assert.Equal("declined", first.GetProperty("status").GetString());
        Assert.Equal(200, status);
        Assert.Equal("declined", repeat.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("reason").GetString(), repeat.GetProperty("reason").GetString());
        Assert.Equal(1, (await gateway.GetStatsAsync()).ChargesDeclined);
    }

    [Fact]
    public async Task Charge_SamePaymentIdWithAnotherAmount_IsAConflictAndChangesNothing()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-2", amount: "10.00"));

        var (status, body) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-2", amount: "11.00"));
        var (_, stored) = await gateway.GetAsync("charges/pay-2");

        Assert.Equal(409, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("idempotency_conflict", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("payment_id", body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("10.00", stored.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task GetCharge_ReturnsTheStoredChargeOr404()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        var (_, charged) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-3", amount: "7", currency: "JPY"));

        var (foundStatus, found) = await gateway.GetAsync("charges/pay-3");
        var (missingStatus, missing) = await gateway.GetAsync("charges/pay-never");

        Assert.Equal(200, foundStatus);
        Assert.Equal(charged.GetProperty("charge_id").GetString(), found.GetProperty("charge_id").GetString());
        Assert.Equal("7", found.GetProperty("amount").GetString());
        Assert.Equal("JPY", found.GetProperty("currency").GetString());
        Assert.Equal("0", found.GetProperty("refunded_amount").GetString());
        Assert.Equal(404, missingStatus);
        Assert.Equal("not_found", missing.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"user_id":"u","amount":"1.00","currency":"USD"}""", "payment_id")]
    [InlineData("""{"payment_id":"pay-bad","amount":"1.00","currency":"USD"}""", "user_id")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":1.00,"currency":"USD"}""", "amount")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"-1.00","currency":"USD"}""", "amount")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"0","currency":"USD"}""", "amount")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"1e3","currency":"USD"}""", "amount")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"1.0001","currency":"USD"}""", "amount")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"1.00","currency":"usd"}""", "currency")]
    [InlineData("""{"payment_id":"pay-bad","user_id":"u","amount":"1.00"}""", "currency")]
    [InlineData("""{"payment_id":"pay-bad",""", null)]
    public async Task Charge_BadInput_Is400WithTheFieldAndRecordsNothing(string json, string? field)
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var (status, body) = await gateway.PostAsync("charges", json);
        var (lookup, _) = await gateway.GetAsync("charges/pay-bad");

        Assert.Equal(400, status);
        Assert.False(body.GetProperty("success").GetBoolean());
        var error = body.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(404, lookup);
        var stats = await gateway.GetStatsAsync();
        Assert.Equal(0, stats.ChargesApproved + stats.ChargesDeclined);
        Assert.Equal(1, stats.RejectedRequests);
    }

    [Fact]
    public async Task Charge_WithoutJsonContentType_Is415()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        using var response = await gateway.Client.PostAsync("charges", new StringContent(RunningMockGateway.ChargeJson("pay-4")));

        Assert.Equal(415, (int)response.StatusCode);
    }
}
