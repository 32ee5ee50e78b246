using PaymentActors.Gateway;
using PaymentActors.Gateway.Http;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Breaker_OpensAfterTheFailureRatio_FailsFastWithoutCallingTheGateway_AndClosesOnAHealthyProbe()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = NewAdapter(server);

        for (var i = 0; i < 4; i++)
        {
            var failed = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge($"pay-f{i}"), CancellationToken.None);
            Assert.Equal(GatewayFailureReasons.GatewayUnavailable, failed.Reason);
        }

        var opened = await Eventually.UntilAsync(
            () => Task.FromResult(adapter.Circuit.GetSnapshot()), s => s.Status == GatewayCircuitStatus.Open && s.LastOpenedAt is not null, "the circuit to open");
        Assert.Equal("open", opened.State);
        Assert.Equal(1, opened.TimesOpened);
        Assert.Equal(4, opened.RecentFailures);
        Assert.NotNull(opened.OpenUntil);
        Assert.Equal(4, (await server.GetStatsAsync()).RequestsReceived);

        for (var i = 0; i < 3; i++)
        {
            var rejected = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge($"pay-r{i}"), CancellationToken.None);
            Assert.Equal(GatewayStatus.CircuitOpen, rejected.Status);
            Assert.Equal(GatewayFailureReasons.CircuitOpen, rejected.Reason);
        }

        Assert.Equal(4, (await server.GetStatsAsync()).RequestsReceived);
        Assert.Equal(3, adapter.Circuit.GetSnapshot().RejectedCalls);

        // The gateway recovers; calls keep failing fast until the break is over, then one probe closes the circuit.
        await server.SetBehaviourAsync("""{"outage":false}""");
        var probe = await Eventually.UntilAsync(
            () => adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-probe"), CancellationToken.None),
            answer => answer.Status == GatewayStatus.Approved,
            "a probe to get through");

        Assert.Equal(GatewayStatus.Approved, probe.Status);
        var closed = await Eventually.UntilAsync(
            () => Task.FromResult(adapter.Circuit.GetSnapshot()), s => s.LastClosedAt is not null, "the close callback");
        Assert.Equal(GatewayCircuitStatus.Closed, closed.Status);
        Assert.Null(closed.OpenUntil);
        Assert.Equal(5, (await server.GetStatsAsync()).RequestsReceived);
    }

    [Fact]
    public async Task Breaker_FailedProbe_OpensTheCircuitAgain()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = NewAdapter(server);
        for (var i = 0; i < 4; i++)
        {
            await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge($"pay-f{i}"), CancellationToken.None);
        }

        await Eventually.UntilAsync(() => Task.FromResult(adapter.Circuit.GetSnapshot()), s => s.TimesOpened == 1, "the circuit to open");

        // Still down: the first call after the break reaches the gateway, fails, and the circuit opens again.
        await Eventually.UntilAsync(
            async () =>
            {
                await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-probe"), CancellationToken.None);
                return (await server.GetStatsAsync()).RequestsReceived;
            },
            received => received == 5,
            "a probe to reach the gateway");
        var reopened = await Eventually.UntilAsync(() => Task.FromResult(adapter.Circuit.GetSnapshot()), s => s.TimesOpened == 2, "the circuit to open again");

        Assert.Equal(GatewayCircuitStatus.Open, reopened.Status);
        var rejected = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-after"), CancellationToken.None);
        Assert.Equal(GatewayFailureReasons.CircuitOpen, rejected.Reason);
        Assert.Equal(5, (await server.GetStatsAsync()).RequestsReceived);
    }

    [Fact]
    public async Task Breaker_BelowMinimumThroughput_StaysClosed()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = NewAdapter(server);

        for (var i = 0; i < 3; i++)
        {
            await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge($"pay-f{i}"), CancellationToken.None);
        }

        var snapshot = adapter.Circuit.GetSnapshot();
        Assert.Equal(GatewayCircuitStatus.Closed, snapshot.Status);
        Assert.Equal(3, snapshot.RecentFailures);
        Assert.Equal(0, snapshot.TimesOpened);
    }

    private static GatewayAdapterHarness NewAdapter(RunningMockGateway server) => new(server.BaseAddress, options =>
    {
        options.MaxRetryAttempts = 0;
        options.BreakerFailureRatio = 0.5;
        options.BreakerMinimumThroughput = 4;
        options.BreakerSamplingDuration = TimeSpan.FromSeconds(30);
        options.BreakerBreakDuration = BreakDuration;
    });
}
