using PaymentActors.Gateway;
using PaymentActors.Gateway.Http;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class HttpPaymentGatewayTests
{
    [Fact]
    public async Task Charge_Approved_CarriesTheGatewayReference()
    {
        await using var server = await RunningMockGateway.StartAsync();
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress);

        var charged = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-a"), CancellationToken.None);
        var (_, stored) = await server.GetAsync("charges/pay-a");

        Assert.Equal(GatewayStatus.Approved, charged.Status);
        Assert.Equal(stored.GetProperty("charge_id").GetString(), charged.GatewayReference);
        Assert.Equal("100.50", stored.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Charge_Declined_IsNeitherRetriedNorCountedAgainstTheBreaker()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:FailRate=1");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.MaxRetryAttempts = 3;
            options.BreakerMinimumThroughput = 2;
        });

        var answers = new List<GatewayResponse>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge($"pay-d{i}"), CancellationToken.None));
        }

        Assert.All(answers, a => Assert.Equal(GatewayStatus.Declined, a.Status));
        Assert.All(answers, a => Assert.False(string.IsNullOrEmpty(a.Reason)));
        Assert.Equal(6, (await server.GetStatsAsync()).RequestsReceived);
        var circuit = adapter.Circuit.GetSnapshot();
        Assert.Equal("closed", circuit.State);
        Assert.Equal(0, circuit.RecentFailures);
        Assert.Equal(6, circuit.RecentSuccesses);
    }

    [Fact]
    public async Task Charge_DuringOutage_IsUnavailableAfterRetriesAndReconcilesAsNotFound()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options => options.MaxRetryAttempts = 2);

        var charged = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-o"), CancellationToken.None);
        var lookupDuringOutage = await adapter.Gateway.GetChargeAsync("pay-o", CancellationToken.None);
        await server.SetBehaviourAsync("""{"outage":false}""");
        var lookupAfter = await adapter.Gateway.GetChargeAsync("pay-o", CancellationToken.None);

        Assert.Equal(GatewayStatus.Unavailable, charged.Status);
        Assert.Equal(GatewayFailureReasons.GatewayUnavailable, charged.Reason);
        Assert.Equal(GatewayStatus.Unavailable, lookupDuringOutage.Status);
        Assert.Equal(GatewayStatus.NotFound, lookupAfter.Status);
        var stats = await server.GetStatsAsync();
        Assert.Equal(6, stats.UnavailableResponses); // the charge and the lookup, each tried three times
    }

    [Fact]
    public async Task Charge_TimedOut_IsUnknownAndReconcilesToTheRecordedCharge()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:TimeoutRate=1", "Behaviour:TimeoutHoldMs=60000");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            options.MaxRetryAttempts = 1;
        });

        var charged = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-t"), CancellationToken.None);
        var reconciled = await adapter.Gateway.GetChargeAsync("pay-t", CancellationToken.None);
        var (_, stored) = await server.GetAsync("charges/pay-t");

        Assert.Equal(GatewayStatus.Unknown, charged.Status);
        Assert.Equal(GatewayFailureReasons.Timeout, charged.Reason);
        Assert.Equal(GatewayStatus.Approved, reconciled.Status);
        Assert.Equal(stored.GetProperty("charge_id").GetString(), reconciled.GatewayReference);
        var stats = await server.GetStatsAsync();
        Assert.Equal(1, stats.ChargesApproved); // the retry was answered from the first record, not charged again
        Assert.Equal(1, stats.ChargeReplays);
        Assert.Equal(2, stats.HeldResponses);
    }

    [Fact]
    public async Task Charge_RetriedAfterATimeout_ReturnsTheFirstOutcomeOnce()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:TimeoutRate=1", "Behaviour:TimeoutHoldMs=60000");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(2);
            options.MaxRetryAttempts = 2;
        });

        var charging = adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-rt"), CancellationToken.None);
        await Eventually.UntilAsync(server.GetStatsAsync, s => s.HeldResponses == 1, "the first attempt to be held");
        await server.SetBehaviourAsync("""{"timeout_rate":0}""");
        var charged = await charging;

        Assert.Equal(GatewayStatus.Approved, charged.Status);
        var stats = await server.GetStatsAsync();
        Assert.Equal(1, stats.ChargesApproved);
        Assert.Equal(1, stats.ChargeReplays);
    }

    [Fact]
    public async Task Charge_TimedOutThenRefused_IsUnknownNotUnavailable()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:TimeoutRate=1", "Behaviour:TimeoutHoldMs=60000");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(2);
            options.MaxRetryAttempts = 1;
        });

        var charging = adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-tr"), CancellationToken.None);
        await Eventually.UntilAsync(server.GetStatsAsync, s => s.HeldResponses == 1, "the first attempt to be held");
        await server.SetBehaviourAsync("""{"outage":true}""");
        var charged = await charging;
        await server.SetBehaviourAsync("""{"outage":false}""");
        var reconciled = await adapter.Gateway.GetChargeAsync("pay-tr", CancellationToken.None);

        // The 503 only speaks for the second attempt; the first one was recorded.
        Assert.Equal(GatewayStatus.Unknown, charged.Status);
        Assert.Equal(GatewayFailureReasons.UnansweredEarlierAttempt, charged.Reason);
        Assert.Equal(GatewayStatus.Approved, reconciled.Status);
    }

    [Fact]
    public async Task Charge_ConnectionRefused_IsUnavailable()
    {
        var closedPort = LoopbackPorts.Free();
        await using var adapter = new GatewayAdapterHarness(new Uri($"http://127.0.0.1:{closedPort}/"), options => options.MaxRetryAttempts = 1);

        var charged = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-c"), CancellationToken.None);
        var lookup = await adapter.Gateway.GetChargeAsync("pay-c", CancellationToken.None);

        Assert.Equal(GatewayStatus.Unavailable, charged.Status);
        Assert.Equal(GatewayFailureReasons.ConnectionFailed, charged.Reason);
        Assert.Equal(GatewayStatus.Unavailable, lookup.Status);
    }

    [Fact]
    public async Task Charge_CancelledByTheCaller_Throws()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:TimeoutRate=1", "Behaviour:TimeoutHoldMs=60000");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress);
        using var cancellation = new CancellationTokenSource();

        var charging = adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-x"), cancellation.Token);
        await Eventually.UntilAsync(server.GetStatsAsync, s => s.HeldResponses == 1, "the attempt to be held");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => charging);
        Assert.Equal(0, adapter.Circuit.GetSnapshot().TotalFailures);
    }

    [Fact]
    public async Task Refund_IsIdempotentAndCapped()
    {
        await using var server = await RunningMockGateway.StartAsync();
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress);
        await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-rf", 20.00m), CancellationToken.None);

        var first = await adapter.Gateway.RefundAsync(GatewayAdapterHarness.Refund("ref-1", "pay-rf", 15.00m), CancellationToken.None);
        var repeat = await adapter.Gateway.RefundAsync(GatewayAdapterHarness.Refund("ref-1", "pay-rf", 15.00m), CancellationToken.None);
        var tooMuch = await adapter.Gateway.RefundAsync(GatewayAdapterHarness.Refund("ref-2", "pay-rf", 5.01m), CancellationToken.None);

        Assert.Equal(GatewayStatus.Approved, first.Status);
        Assert.Equal("ref-1", first.GatewayReference);
        Assert.Equal(GatewayStatus.Approved, repeat.Status);
        Assert.Equal(GatewayStatus.Declined, tooMuch.Status);
        Assert.Equal("exceeds_refundable_amount", tooMuch.Reason);
        var (_, charge) = await server.GetAsync("charges/pay-rf");
        Assert.Equal("15.00", charge.GetProperty("refunded_amount").GetString());
    }

    [Fact]
    public async Task Charge_ManyConcurrentCalls_EachGetTheirOwnAnswer()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:FailRate=0.3", "Behaviour:Seed=3");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress);

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            var id = $"pay-cc{i}";
            return (id, answer: await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge(id), CancellationToken.None));
        }));

        foreach (var (id, answer) in answers)
        {
            var (_, stored) = await server.GetAsync($"charges/{id}");
            Assert.Equal(stored.GetProperty("status").GetString(), answer.Status == GatewayStatus.Approved ? "approved" : "declined");
        }

        Assert.Contains(answers, a => a.answer.Status == GatewayStatus.Declined);
        Assert.Contains(answers, a => a.answer.Status == GatewayStatus.Approved);
    }
}
