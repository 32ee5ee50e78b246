using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Tests.Infrastructure;
using PaymentActors.Payments;
using PaymentActors.Testing;

namespace PaymentActors.Grains.Tests;

/// <summary>Wallet writes that fail transiently: retried up to MaxRetries (3), then recorded, then replayed by an operator.</summary>
[Collection(GroupCommitCollection.Name)]
public sealed class TransientFaultTests(GroupCommitClusterFixture fixture)
{
    [Fact]
    public async Task Faults_under_the_retry_limit_are_absorbed_and_the_payment_completes()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");

        fixture.Wallets.FailNextCommits(3);
        var payment = await scenario.PayAsync("10.00");

        Assert.Equal(PaymentStatus.Completed, payment.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
    }

    [Fact]
    public async Task Faults_over_the_retry_limit_are_recorded_with_their_retry_count_and_a_replay_completes_the_payment()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");

        // The reservation's write fails on the first try and on all three retries.
        fixture.Wallets.FailNextCommits(4);
        var failed = await scenario.PayAsync("10.00");

        Assert.Equal(PaymentStatus.Failed, failed.Status);
        Assert.Equal(FailureReasons.WalletUnavailable, failed.FailureReason);
        var wallet = await scenario.WalletAsync();
        Assert.Equal(100.00m, wallet.Balance);
        Assert.Equal(0m, wallet.Reserved);
        var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
        var record = await failedEvents.RecordedFailureOfAsync(failed.Id);
        Assert.Equal(3, record.RetryCount);
        Assert.Equal(FailedEventStatus.Failed, record.Status);
        Assert.Equal("reserve", record.Source);

        Assert.Equal(FailedEventRetryOutcome.Retried, await failedEvents.RetryAsync(record.Id));
        var replayed = await scenario.WaitForEndAsync(failed.Id);

        Assert.Equal(PaymentStatus.Completed, replayed.Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        var resolved = await Eventually.UntilAsync(() => failedEvents.GetAsync(record.Id), r => r!.Status == FailedEventStatus.Resolved, "the failed event to be resolved");
        Assert.Equal(4, resolved!.RetryCount);
        Assert.Equal(FailedEventRetryOutcome.NotFailed, await failedEvents.RetryAsync(record.Id));
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(failed.Id).GetEventsAsync();
        Assert.Equal(
            [EventTypes.PaymentInitiated, EventTypes.PaymentFailed, EventTypes.PaymentRetried, EventTypes.FundsReserved, EventTypes.GatewayApproved, EventTypes.FundsDeducted, EventTypes.PaymentCompleted],
            events.Select(e => e.Type));
    }

    [Fact]
    public async Task Two_concurrent_retries_of_one_failed_event_re_drive_the_payment_once()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("100.00");
        fixture.Wallets.FailNextCommits(4);
        var failed = await scenario.PayAsync("10.00");
        var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
        var record = await failedEvents.RecordedFailureOfAsync(failed.Id);

        var outcomes = await Task.WhenAll(failedEvents.RetryAsync(record.Id, "alice"), failedEvents.RetryAsync(record.Id, "bob"));

        Assert.Single(outcomes, o => o == FailedEventRetryOutcome.Retried);
        Assert.Single(outcomes, o => o == FailedEventRetryOutcome.NotFailed);
        Assert.Equal(PaymentStatus.Completed, (await scenario.WaitForEndAsync(failed.Id)).Status);
        Assert.Equal(90.00m, (await scenario.WalletAsync()).Balance);
        var resolved = await Eventually.UntilAsync(() => failedEvents.GetAsync(record.Id), r => r!.Status == FailedEventStatus.Resolved, "the failed event to be resolved");
        Assert.Equal(4, resolved!.RetryCount);
        var events = await fixture.Grains.GetGrain<IPaymentGrain>(failed.Id).GetEventsAsync();
        Assert.Single(events, e => e.Type == EventTypes.PaymentRetried);
    }

    [Fact]
    public async Task The_in_memory_store_lets_exactly_one_of_two_updates_from_one_read_win()
    {
        var store = new PaymentActors.Grains.FailureRecording.InMemoryFailedEventStore();
        var now = DateTimeOffset.UnixEpoch;
        var failed = new FailedEvent(EventIds.New("fe", now), "{}", EventTypes.PaymentFailed, "p-1", "boom", "reserve", 0, FailedEventStatus.Failed, now, now);
        await store.TryAddAsync(failed);
        var read = (await store.GetAsync(failed.Id))!;

        var wins = await Task.WhenAll(
            Task.Run(() => store.UpdateAsync(read, read with { Status = FailedEventStatus.Retried, RetryCount = 1 })),
            Task.Run(() => store.UpdateAsync(read, read with { Status = FailedEventStatus.Retried, RetryCount = 2 })));

        Assert.Single(wins, won => won);
        Assert.False(await store.UpdateAsync(read, read with { Status = FailedEventStatus.Resolved }));
        Assert.Equal(FailedEventStatus.Retried, (await store.GetAsync(failed.Id))!.Status);
    }

    [Fact]
    public async Task A_business_failure_is_recorded_but_never_retried()
    {
        var scenario = new PaymentScenario(fixture.Grains);
        await scenario.FundAsync("5.00");
        var failed = await scenario.PayAsync("10.00");
        var failedEvents = fixture.Grains.GetGrain<IFailedEventsGrain>(0);
        var record = await failedEvents.RecordedFailureOfAsync(failed.Id);

        Assert.Equal(FailedEventRetryOutcome.NotRetryable, await failedEvents.RetryAsync(record.Id));
        Assert.Equal(FailedEventStatus.Failed, (await failedEvents.GetAsync(record.Id))!.Status);
        Assert.Equal(FailureReasons.InsufficientFunds, (await scenario.WaitForEndAsync(failed.Id)).FailureReason);
    }
}
