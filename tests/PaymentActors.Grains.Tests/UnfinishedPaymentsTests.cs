using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using PaymentActors.Grains.Recovery;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>The unfinished-payments gauges (the PaymentUnfinishedTooLong alert): what the recovery partitions track, and for how long.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UnfinishedPaymentsTests(ClusterFixture fixture)
{
    [Fact]
    public void The_oldest_age_follows_what_the_partitions_track_forget_and_hand_over()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var unfinished = new UnfinishedPayments(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), time);
        var start = time.GetUtcNow();

        unfinished.Reset("recovery-a", new Dictionary<string, DateTimeOffset> { ["pay_1"] = start });
        unfinished.Tracked("recovery-b", "pay_2", start.AddSeconds(10));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, unfinished.Count);
        Assert.Equal(40, unfinished.OldestAgeSeconds());

        unfinished.Forgotten("recovery-a", "pay_1");
        Assert.Equal(30, unfinished.OldestAgeSeconds());
        Assert.False(unfinished.Tracks("pay_1"));

        unfinished.Stopped("recovery-b");
        Assert.Equal(0, unfinished.Count);
        Assert.Equal(0, unfinished.OldestAgeSeconds());
    }

    [Fact]
    public async Task A_payment_held_at_the_gateway_is_tracked_ages_with_the_clock_and_is_forgotten_once_it_ends()
    {
        var unfinished = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<UnfinishedPayments>();
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        var paymentId = PaymentScenario.NewPaymentId();
        var gate = fixture.ScriptedGateway.HoldCharge(paymentId);
        await scenario.StartPaymentAsync("10.00", paymentId);
        Assert.True(unfinished.Tracks(paymentId));

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(unfinished.OldestAgeSeconds() >= 31, $"oldest age {unfinished.OldestAgeSeconds()} s");

        gate.SetResult();
        Assert.Equal(PaymentStatus.Completed, (await scenario.WaitForEndAsync(paymentId)).Status);
        await Eventually.UntilAsync(() => Task.FromResult(unfinished.Tracks(paymentId)), tracked => !tracked, "the ended payment to be forgotten");
    }
}
