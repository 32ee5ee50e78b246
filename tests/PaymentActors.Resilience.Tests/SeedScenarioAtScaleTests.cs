using PaymentActors.Events;
using PaymentActors.Metrics;
using PaymentActors.Payments;
using PaymentActors.Resilience.Tests.Infrastructure;
using PaymentActors.Testing;

namespace PaymentActors.Resilience.Tests;

[Collection(GatewayClusterCollection.Name)]
public sealed class SeedScenarioAtScaleTests(GatewayClusterFixture fixture)
{
    [Fact]
    public async Task Five_hundred_payments_at_a_ten_percent_failure_rate_across_twenty_wallets_conserve_money()
    {
        var wallets = Enumerable.Range(0, 20).Select(_ => new PaymentScenario(fixture.Grains)).ToList();
        await Task.WhenAll(wallets.Select(w => w.FundAsync("100.00")));
        var metricsBefore = await fixture.Grains.GetGrain<IMetricsSummaryGrain>(0).GetSummaryAsync();
        await fixture.SetGatewayAsync(new { fail_rate = 0.1, latency_min_ms = 1, latency_max_ms = 10 });
        PaymentSnapshot[] payments;
        try
        {
            using var throttle = new SemaphoreSlim(32);
            payments = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
            {
                await throttle.WaitAsync();
                try
                {
                    return await wallets[i % wallets.Count].PayAsync(i % 7 == 0 ? "9.99" : "4.50");
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }
        finally
        {
            await fixture.SetGatewayAsync(new { fail_rate = 0.0, latency_min_ms = 0, latency_max_ms = 0 });
        }

        Assert.All(payments, p => Assert.True(p.Status.IsTerminal()));
        var completed = payments.Where(p => p.Status == PaymentStatus.Completed).ToList();
        var balances = await Task.WhenAll(wallets.Select(w => w.WalletAsync()));
        Assert.Equal(20 * 100.00m, balances.Sum(b => b.Balance) + completed.Sum(p => p.Request.Amount.Amount));
        Assert.All(balances, b => Assert.Equal(0m, b.Reserved));
        Assert.Contains(payments, p => p.FailureReason == FailureReasons.GatewayRejected);

        var failed = payments.Count(p => p.Status == PaymentStatus.Failed);
        var metrics = await Eventually.UntilAsync(
            () => fixture.Grains.GetGrain<IMetricsSummaryGrain>(0).GetSummaryAsync(),
            m => m.PaymentFailureTotal - metricsBefore.PaymentFailureTotal == failed && m.PaymentSuccess - metricsBefore.PaymentSuccess == completed.Count,
            "the metrics to count every outcome");
        Assert.Equal(failed, metrics.PaymentFailureTotal - metricsBefore.PaymentFailureTotal);
    }
}
