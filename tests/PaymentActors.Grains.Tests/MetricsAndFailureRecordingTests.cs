using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Metrics;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Tests;

[Collection(MetricsClusterCollection.Name)]
public sealed class MetricsAndFailureRecordingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_summary_counts_exactly_the_events_that_happened_and_the_recorder_holds_exactly_the_failures()
    {
        var scenario = new PaymentScenario(fixture);
        await scenario.FundAsync("500.00");
        var declined = Enumerable.Range(0, 4).Select(_ => PaymentScenario.NewPaymentId()).ToList();
        declined.ForEach(fixture.ScriptedGateway.Decline);
        var ids = new List<string>(declined);
        ids.AddRange(Enumerable.Range(0, 16).Select(_ => PaymentScenario.NewPaymentId()));

        // 20 payments of 30.00 on 500.00: 4 are declined, and of the others only as many complete as 500.00 holds.
        var payments = await Task.WhenAll(ids.Select(async id => await scenario.WaitForEndAsync(await scenario.StartPaymentAsync("30.00", id))));
        var histories = await Task.WhenAll(ids.Select(id => fixture.Grains.GetGrain<IPaymentGrain>(id).GetEventsAsync()));

        var expectedCounts = histories.SelectMany(h => h).GroupBy(e => e.Type).ToDictionary(g => g.Key, g => (long)g.Count());
        expectedCounts[EventTypes.FundsDeposited] = 1;
        var summaryGrain = fixture.Grains.GetGrain<IMetricsSummaryGrain>(0);
        var summary = await Eventually.UntilAsync(
            summaryGrain.GetSummaryAsync,
            s => s.EventCount.Count == expectedCounts.Count && expectedCounts.All(e => s.EventCount.GetValueOrDefault(e.Key) == e.Value),
            $"the metrics to count every event: {string.Join(", ", expectedCounts.Select(e => $"{e.Key}={e.Value}"))}");

        var completed = payments.Count(p => p.Status == PaymentStatus.Completed);
        Assert.Equal(completed, summary.PaymentSuccess);
        Assert.Equal(
            payments.Where(p => p.Status == PaymentStatus.Failed).GroupBy(p => p.FailureReason!).ToDictionary(g => g.Key, g => (long)g.Count()),
            summary.PaymentFailure);
        Assert.Equal(completed * 30.00m, summary.PaymentAmount.Single(a => a.EventType == EventTypes.FundsDeducted && a.Currency == "USD").Total);
        Assert.True(completed > 0 && payments.Any(p => p.FailureReason == FailureReasons.GatewayRejected));

        var failedIds = payments.Where(p => p.Status == PaymentStatus.Failed).Select(p => p.Id).Order().ToList();
        var recorded = await Eventually.UntilAsync(
            () => fixture.Grains.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery(Limit: 1000)),
            r => r.Count >= failedIds.Count,
            "the failure recorder to store every failed payment");
        Assert.Equal(failedIds, recorded.Select(r => r.PaymentId).Order().ToList());
        Assert.All(recorded, r =>
        {
            Assert.Equal(EventTypes.PaymentFailed, r.EventType);
            Assert.Equal(FailedEventStatus.Failed, r.Status);
            Assert.Contains(r.PaymentId, r.OriginalEvent);
        });
        Assert.Equal(recorded.OrderByDescending(r => r.Id, StringComparer.Ordinal), recorded);
    }
}
