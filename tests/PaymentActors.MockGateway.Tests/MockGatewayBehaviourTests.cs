using System.Diagnostics;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class MockGatewayBehaviourTests
{
    private static readonly string[] PaymentIds = Enumerable.Range(0, 300).Select(i => $"pay-{i:D4}").ToArray();

    [Fact]
    public async Task FailRate_WithTheSameSeed_DeclinesTheSamePaymentsWhateverTheOrder()
    {
        await using var first = await RunningMockGateway.StartAsync("Behaviour:FailRate=0.1", "Behaviour:Seed=7");
        await using var second = await RunningMockGateway.StartAsync("Behaviour:FailRate=0.1", "Behaviour:Seed=7");
        await using var otherSeed = await RunningMockGateway.StartAsync("Behaviour:FailRate=0.1", "Behaviour:Seed=8");

        var declinedInOrder = await DeclinedAsync(first, PaymentIds, concurrently: false);
        var declinedReversedConcurrently = await DeclinedAsync(second, PaymentIds.Reverse().ToArray(), concurrently: true);
        var declinedOtherSeed = await DeclinedAsync(otherSeed, PaymentIds, concurrently: false);

        Assert.Equal(declinedInOrder, declinedReversedConcurrently);
        Assert.NotEqual(declinedInOrder, declinedOtherSeed);

        // About 10% of 300; the bounds only guard against a rate that is plainly not applied.
        Assert.InRange(declinedInOrder.Count, 12, 60);
        Assert.Equal(declinedInOrder.Count, (await first.GetStatsAsync()).ChargesDeclined);
    }

    [Fact]
    public async Task Outage_ConfiguredAtStart_Answers503AndRecordsNothingUntilLifted()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:Outage=true");

        var (chargeStatus, chargeBody) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-down"));
        var (lookupStatus, _) = await gateway.GetAsync("charges/pay-down");
        var (refundStatus, _) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-down", "pay-down", "1.00"));
        var (healthDown, health) = await gateway.GetAsync("health");
        var behaviour = await gateway.SetBehaviourAsync("""{"outage":false}""");
        var (healthUp, _) = await gateway.GetAsync("health");
        var (lookupAfter, _) = await gateway.GetAsync("charges/pay-down");

        Assert.Equal(503, chargeStatus);
        Assert.Equal("not_processed", chargeBody.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(503, lookupStatus);
        Assert.Equal(503, refundStatus);
        Assert.Equal(503, healthDown);
        Assert.Equal("outage", health.GetProperty("status").GetString());
        Assert.False(behaviour.Outage);
        Assert.Equal(200, healthUp);
        Assert.Equal(404, lookupAfter);
        var stats = await gateway.GetStatsAsync();
        Assert.Equal(3, stats.UnavailableResponses);
        Assert.Equal(0, stats.ChargesApproved + stats.ChargesDeclined + stats.RefundsApproved + stats.RefundsDeclined);
    }

    [Theory]
    [InlineData("""{"fail_rate":1.5}""", "fail_rate")]
    [InlineData("""{"timeout_rate":-0.1}""", "timeout_rate")]
    [InlineData("""{"latency_min_ms":500,"latency_max_ms":100}""", "latency_min_ms")]
    [InlineData("""{"latency_max_ms":-1}""", "latency_max_ms")]
    [InlineData("""{"timeout_hold_ms":-5}""", "timeout_hold_ms")]
    [InlineData("""{"outage":"yes"}""", "outage")]
    public async Task Behaviour_InvalidUpdate_Is400AndChangesNothing(string json, string field)
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        var (_, before) = await gateway.GetAsync("admin/behaviour");

        var (status, body) = await gateway.PostAsync("admin/behaviour", json);
        var (_, after) = await gateway.GetAsync("admin/behaviour");

        Assert.Equal(400, status);
        Assert.Equal(field, body.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Fact]
    public async Task Behaviour_GetShowsTheConfiguredValues()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:FailRate=0.25", "Behaviour:Seed=99", "Behaviour:TimeoutHoldMs=5000");

        var (status, body) = await gateway.GetAsync("admin/behaviour");

        Assert.Equal(200, status);
        Assert.Equal(0.25, body.GetProperty("fail_rate").GetDouble());
        Assert.Equal(99, body.GetProperty("seed").GetInt32());
        Assert.Equal(5000, body.GetProperty("timeout_hold_ms").GetInt32());
        Assert.False(body.GetProperty("outage").GetBoolean());
    }

    [Fact]
    public async Task Create_WithAnInvalidBehaviourSection_RefusesToStart()
    {
        var app = MockGatewayApp.Create(["--urls=http://127.0.0.1:0", "--Behaviour:FailRate=2"]);
        await using (app)
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
            Assert.Contains("fail_rate", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Latency_IsWaitedOutBeforeAnswering()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:LatencyMinMs=150", "Behaviour:LatencyMaxMs=150");

        var clock = Stopwatch.StartNew();
        var (status, _) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson("pay-slow"));

        Assert.Equal(200, status);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(140), $"answered after {clock.Elapsed}");
    }

    private static async Task<HashSet<string>> DeclinedAsync(RunningMockGateway gateway, string[] paymentIds, bool concurrently)
    {
        var declined = new HashSet<string>(StringComparer.Ordinal);
        if (concurrently)
        {
            var results = await Task.WhenAll(paymentIds.Select(async id => (id, await gateway.PostAsync("charges", RunningMockGateway.ChargeJson(id)))));
            declined.UnionWith(results.Where(r => r.Item2.Body.GetProperty("status").GetString() == "declined").Select(r => r.id));
            return declined;
        }

        foreach (var id in paymentIds)
        {
            var (_, body) = await gateway.PostAsync("charges", RunningMockGateway.ChargeJson(id));
            if (body.GetProperty("status").GetString() == "declined")
            {
                declined.Add(id);
            }
        }

        return declined;
    }
}
