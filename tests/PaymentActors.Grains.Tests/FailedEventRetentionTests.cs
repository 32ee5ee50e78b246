using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.FailureRecording;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>
/// Issue 10, item 13: failed events are kept for PaymentActors:FailedEventRetention (30 days) after they last changed,
/// then deleted by the retention grain's reminder. Business time is the fake clock; nothing sleeps.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedEventRetentionTests(ClusterFixture fixture)
{
    private IFailedEventsGrain FailedEvents => fixture.Grains.GetGrain<IFailedEventsGrain>(0);

    [Fact]
    public async Task A_failed_event_is_deleted_once_its_retention_has_passed_and_a_younger_one_is_kept()
    {
        var older = await FailedPaymentAsync();
        fixture.Time.Advance(TimeSpan.FromDays(20));
        var younger = await FailedPaymentAsync();

        // 30 days and a minute after the older failure, 10 days and a minute after the younger one.
        fixture.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        await Eventually.UntilAsync(() => FailedEvents.GetAsync(older.Id), stored => stored is null, "the older failed event to be deleted");
        Assert.Equal(younger, await FailedEvents.GetAsync(younger.Id));
        var listed = await FailedEvents.ListAsync(new FailedEventQuery(Limit: 100));
        Assert.DoesNotContain(listed, e => e.Id == older.Id);
        Assert.Contains(listed, e => e.Id == younger.Id);
    }

    [Fact]
    public async Task A_deleted_failed_event_does_not_come_back_when_its_payment_is_resumed_later()
    {
        var old = await FailedPaymentAsync();
        fixture.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await Eventually.UntilAsync(() => FailedEvents.GetAsync(old.Id), stored => stored is null, "the failed event to be deleted");

        // Recovery re-settles an ended payment (its failed event may not have been stored before a restart): one past
        // the retention was deleted on purpose.
        await fixture.Grains.GetGrain<IPaymentGrain>(old.PaymentId).ResumeAsync();

        Assert.Null(await FailedEvents.GetAsync(old.Id));
    }

    [Fact]
    public void The_retention_defaults_to_30_days_and_must_be_positive()
    {
        var validator = new PaymentActorsOptionsValidator();

        Assert.Equal(TimeSpan.FromDays(30), new PaymentActorsOptions().FailedEventRetention);
        Assert.True(validator.Validate(null, new PaymentActorsOptions()).Succeeded);
        var refused = validator.Validate(null, new PaymentActorsOptions { FailedEventRetention = TimeSpan.Zero, FailedEventPurgePeriod = TimeSpan.FromHours(-1) });
        Assert.True(refused.Failed);
        Assert.Contains(refused.Failures, f => f.Contains("FailedEventRetention", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("FailedEventPurgePeriod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_in_memory_store_purges_by_last_change_so_a_recently_retried_event_is_kept()
    {
        var store = new InMemoryFailedEventStore();
        var start = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
        var old = NewEvent(start);
        var retried = NewEvent(start) with { Status = FailedEventStatus.Retried, UpdatedAt = start.AddDays(40) };
        var young = NewEvent(start.AddDays(35));
        foreach (var e in new[] { old, retried, young })
        {
            Assert.True(await store.TryAddAsync(e));
        }

        Assert.Equal(1, await store.PurgeAsync(start.AddDays(30)));

        Assert.Null(await store.GetAsync(old.Id));
        Assert.Equal(retried, await store.GetAsync(retried.Id));
        Assert.Equal(young, await store.GetAsync(young.Id));
        Assert.Equal(0, await store.PurgeAsync(start.AddDays(30)));
    }

    /// <summary>A payment that fails (insufficient funds) at the fake clock's now, and its failed event.</summary>
    private async Task<FailedEvent> FailedPaymentAsync()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("5.00");
        var payment = await scenario.PayAsync("10.00");
        Assert.Equal(PaymentStatus.Failed, payment.Status);
        var listed = await Eventually.UntilAsync(
            () => FailedEvents.ListAsync(new FailedEventQuery(Limit: 100)),
            events => events.Any(e => e.PaymentId == payment.Id),
            "the failure to be recorded");
        var recorded = listed.Single(e => e.PaymentId == payment.Id);
        Assert.Equal(fixture.Time.GetUtcNow(), recorded.UpdatedAt);
        return recorded;
    }

    private static FailedEvent NewEvent(DateTimeOffset at) => new(
        EventIds.New("fe", at), "{}", EventTypes.PaymentFailed, EventIds.New("pay", at), "insufficient_funds", "payment-saga", 0,
        FailedEventStatus.Failed, at, at);
}
