using PaymentActors.Gateway;
using PaymentActors.Resilience.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.Resilience.Tests;

/// <summary>The gateway grain at named providers: routes, the four outcomes, the two-step payment, figures by provider.</summary>
public sealed class GatewayProvidersGrainTests(ProvidersClusterFixture fixture) : IClassFixture<ProvidersClusterFixture>
{
    private IGatewayGrain Gateway => fixture.Grains.GetGrain<IGatewayGrain>("mock");

    [Fact]
    public async Task Routes_ByMethodAndPriority_AndTheOldChargeGoesToTheFirstCardProvider()
    {
        var card = await Gateway.GetRouteAsync(PaymentMethods.Card, "USD");
        var payPal = await Gateway.GetRouteAsync(PaymentMethods.PayPal, "USD");
        var before = await ProvidersClusterFixture.StatAsync(fixture.AdminA, "charges_approved");
        var charged = await Gateway.ChargeAsync(new ChargeRequest("pay-legacy", "user-1", TestMoney.Usd("3.00")));

        Assert.Equal(["mock-a", "mock-b"], card);
        Assert.Equal(["mock-b"], payPal);
        Assert.Equal(["mock-a", "mock-b"], (await Gateway.GetProvidersAsync()).Select(p => p.Name));
        Assert.Equal(ChargeOutcome.Approved, charged.Outcome);
        Assert.Equal(before + 1, await ProvidersClusterFixture.StatAsync(fixture.AdminA, "charges_approved"));
        await Assert.ThrowsAsync<ArgumentException>(() => Gateway.ChargeAtAsync("nobody", new ChargeRequest("pay-x", "user-1", TestMoney.Usd("1.00"))));
    }

    [Fact]
    public async Task AnOutageAtMockA_IsNotProcessed_TheFailoverToMockBChargesOnce_AndTheFiguresSaySo()
    {
        await ProvidersClusterFixture.SetAsync(fixture.AdminA, new { outage = true });
        try
        {
            var request = new ChargeRequest("pay-failover", "user-1", TestMoney.Usd("12.00"));
            var refused = await Gateway.ChargeAtAsync("mock-a", request);
            var tookIt = await Gateway.ChargeAtAsync("mock-b", request with { FailoverFrom = "mock-a" });
            var again = await Gateway.ChargeAtAsync("mock-b", request with { FailoverFrom = "mock-a" });

            Assert.Equal((GatewayCallOutcome.NotProcessed, "mock-a"), (refused.Outcome, refused.Provider));
            Assert.Equal((GatewayCallOutcome.Approved, "mock-b"), (tookIt.Outcome, tookIt.Provider));
            Assert.Equal(tookIt.Reference, again.Reference);
            var reports = await fixture.Grains.GetGrain<IClusterGatewayGrain>(0).GetProviderReportsAsync();
            var a = Assert.Single(reports, r => r.Provider.Name == "mock-a");
            var b = Assert.Single(reports, r => r.Provider.Name == "mock-b");
            Assert.True(a.IsDefault);
            Assert.True(a.Figures.NotProcessed >= 1);
            Assert.True(a.Figures.FailoversFrom >= 2);
            Assert.True(b.Figures.FailoversTo >= 2 && b.Figures.Approvals >= 1 && b.Figures.LatencyMaxMs > 0);
        }
        finally
        {
            await ProvidersClusterFixture.SetAsync(fixture.AdminA, new { outage = false });
        }

        // mock-a's ledger has no charge of it: it was never taken twice.
        using var atA = await fixture.AdminA.GetAsync("charges/pay-failover");
        using var atB = await fixture.AdminB.GetAsync("charges/pay-failover");
        Assert.Equal((System.Net.HttpStatusCode.NotFound, System.Net.HttpStatusCode.OK), (atA.StatusCode, atB.StatusCode));
    }

    [Fact]
    public async Task AtMockB_AnAuthorizationIsCapturedInPartAndRefunded_AnotherVoided_DeclinesAndTimeoutsAreNotFailovers()
    {
        var held = await Gateway.AuthorizeAtAsync("mock-b", new AuthorizeRequest("pay-auth", "user-1", TestMoney.Usd("50.00")));
        var captured = await Gateway.CaptureAtAsync("mock-b", new CaptureRequest("cap-1", held.Reference!, "pay-auth", TestMoney.Usd("20.00")));
        var refunded = await Gateway.RefundAtAsync("mock-b", new RefundRequest("ref-1", "pay-auth", TestMoney.Usd("20.00")));
        var other = await Gateway.AuthorizeAtAsync("mock-b", new AuthorizeRequest("pay-void", "user-1", TestMoney.Usd("5.00")));
        var voided = await Gateway.VoidAtAsync("mock-b", new VoidAuthorizationRequest(other.Reference!, "pay-void"));
        var elsewhere = await Gateway.VoidAtAsync("mock-a", new VoidAuthorizationRequest(other.Reference!, "pay-void"));

        await ProvidersClusterFixture.SetAsync(fixture.AdminB, new { fail_rate = 1.0 });
        var declined = await Gateway.AuthorizeAtAsync("mock-b", new AuthorizeRequest("pay-declined", "user-1", TestMoney.Usd("5.00")));
        await ProvidersClusterFixture.SetAsync(fixture.AdminB, new { fail_rate = 0.0, timeout_rate = 1.0, timeout_hold_ms = 30_000 });
        GatewayCallResult timedOut;
        try
        {
            timedOut = await Gateway.ChargeAtAsync("mock-b", new ChargeRequest("pay-timeout", "user-1", TestMoney.Usd("5.00")));
        }
        finally
        {
            await ProvidersClusterFixture.SetAsync(fixture.AdminB, new { timeout_rate = 0.0 });
        }

        Assert.Equal(GatewayCallOutcome.Approved, held.Outcome);
        Assert.NotNull(held.ExpiresAt);
        Assert.Equal((GatewayCallOutcome.Approved, "cap-1"), (captured.Outcome, captured.Reference));
        Assert.Equal(GatewayCallOutcome.Approved, refunded.Outcome);
        Assert.Equal(GatewayCallOutcome.Approved, voided.Outcome);
        Assert.Equal((GatewayCallOutcome.Declined, "authorization_not_found"), (elsewhere.Outcome, elsewhere.Reason));
        Assert.Equal(GatewayCallOutcome.Declined, declined.Outcome);
        Assert.Equal(GatewayCallOutcome.Unknown, timedOut.Outcome);
    }
}
