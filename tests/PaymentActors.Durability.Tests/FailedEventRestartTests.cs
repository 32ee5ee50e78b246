using Microsoft.Extensions.Time.Testing;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Payments;

namespace PaymentActors.Durability.Tests;

/// <summary>Failed events are stored in Azure Tables, so a new cluster lists the same records, newest first.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailedEventRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Failed_events_survive_a_restart_and_are_listed_newest_first_in_the_order_the_failures_happened()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var gateway = new CountingGateway();
        var deployment = new Deployment(azurite.ConnectionString, clock, gateway, output);
        var failedInOrder = new List<string>();
        IReadOnlyList<FailedEvent> before;

        await using (var first = await deployment.StartClusterAsync())
        {
            var user = new PaymentScenario(first.Client);
            await user.FundAsync("10.00");
            for (var i = 0; i < 6; i++)
            {
                // One failure per business second, alternating a gateway decline and a lack of funds.
                clock.Advance(TimeSpan.FromSeconds(1));
                var paymentId = PaymentScenario.NewPaymentId();
                if (i % 2 == 0)
                {
                    gateway.Decline(paymentId);
                }

                var failed = await user.WaitForEndAsync(await user.StartPaymentAsync(i % 2 == 0 ? "5.00" : "50.00", paymentId));
                Assert.Equal(PaymentStatus.Failed, failed.Status);
                failedInOrder.Add(paymentId);
            }

            before = await Eventually.UntilAsync(
                () => first.Client.GetGrain<IFailedEventsGrain>(0).ListAsync(new FailedEventQuery()), list => list.Count == 6, "six failed events");
            await first.StopAsync();
        }

        // Newest first is the reverse of the order in which the payments failed.
        failedInOrder.Reverse();
        Assert.Equal(failedInOrder, before.Select(e => e.PaymentId));
        Assert.Equal(before.OrderByDescending(e => e.CreatedAt).Select(e => e.Id), before.Select(e => e.Id));
        Assert.Equal(
            [FailureReasons.InsufficientFunds, FailureReasons.GatewayRejected],
            before.Take(2).Select(e => System.Text.Json.JsonDocument.Parse(e.OriginalEvent).RootElement.GetProperty("reason").GetString()));

        await using var second = await deployment.StartClusterAsync();
        var failedEvents = second.Client.GetGrain<IFailedEventsGrain>(0);
        Assert.Equal(before, await failedEvents.ListAsync(new FailedEventQuery()));
        Assert.Equal(before, await failedEvents.ListAsync(new FailedEventQuery(FailedEventStatus.Failed)));

        // Paging after the restart walks the same order without gaps or repeats.
        var paged = new List<FailedEvent>();
        IReadOnlyList<FailedEvent> page;
        do
        {
            page = await failedEvents.ListAsync(new FailedEventQuery(Limit: 4, StartingAfter: paged.LastOrDefault()?.Id));
            paged.AddRange(page);
        }
        while (page.Count == 4);

        Assert.Equal(before, paged);
    }
}
