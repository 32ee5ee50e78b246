using PaymentActors.AzureTables.FailedEvents;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;
using PaymentActors.Events;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.Tests.FailedEvents;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableFailedEventStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_added_event_reads_back_field_for_field_and_a_duplicate_add_changes_nothing()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var failed = NewEvent(Start.AddTicks(1234567), FailedEventStatus.Failed) with
        {
            OriginalEvent = "{\"type\":\"payment.initiated\",\"amount\":\"100.50\"}",
            CreatedAt = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(7654321),
        };

        Assert.True(await harness.Store.TryAddAsync(failed));
        Assert.False(await harness.Store.TryAddAsync(failed with { ErrorMessage = "second delivery" }));

        var read = await harness.Store.GetAsync(failed.Id);
        Assert.Equal(failed, read);
        Assert.Null(await harness.Store.GetAsync(EventIds.New("fe", Start)));
    }

    [Fact]
    public async Task Listing_is_newest_first_and_pages_with_starting_after()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var events = Enumerable.Range(0, 23).Select(i => NewEvent(Start.AddSeconds(i), FailedEventStatus.Failed)).ToList();
        foreach (var failed in events.OrderBy(_ => Random.Shared.Next()))
        {
            Assert.True(await harness.Store.TryAddAsync(failed));
        }

        var pages = await ReadAllPages(harness.Store, status: null, limit: 10);

        Assert.Equal([10, 10, 3], pages.Select(page => page.Count));
        Assert.Equal(events.Select(e => e.Id).Reverse(), pages.SelectMany(page => page).Select(e => e.Id));
    }

    [Fact]
    public async Task Listing_by_status_pages_through_that_status_only()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var statuses = new[] { FailedEventStatus.Failed, FailedEventStatus.Resolved, FailedEventStatus.Retried };
        var events = Enumerable.Range(0, 30).Select(i => NewEvent(Start.AddMinutes(i), statuses[i % 3])).ToList();
        foreach (var failed in events)
        {
            await harness.Store.TryAddAsync(failed);
        }

        var resolved = await ReadAllPages(harness.Store, FailedEventStatus.Resolved, limit: 4);

        Assert.Equal([4, 4, 2], resolved.Select(page => page.Count));
        Assert.Equal(
            events.Where(e => e.Status == FailedEventStatus.Resolved).Select(e => e.Id).Reverse(),
            resolved.SelectMany(page => page).Select(e => e.Id));
    }

    [Fact]
    public async Task Updating_changes_status_and_retry_count_and_updating_a_missing_event_returns_false()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var failed = NewEvent(Start, FailedEventStatus.Failed);
        await harness.Store.TryAddAsync(failed);
        var retried = failed with { Status = FailedEventStatus.Retried, RetryCount = 4, UpdatedAt = Start.AddMinutes(5) };

        Assert.True(await harness.Store.UpdateAsync(failed, retried));
        var missing = NewEvent(Start, FailedEventStatus.Failed);
        Assert.False(await harness.Store.UpdateAsync(missing, missing with { Status = FailedEventStatus.Resolved }));

        Assert.Equal(retried, await harness.Store.GetAsync(failed.Id));
        Assert.Equal([failed.Id], (await harness.Store.ListAsync(new FailedEventQuery(FailedEventStatus.Retried))).Select(e => e.Id));
        Assert.Empty(await harness.Store.ListAsync(new FailedEventQuery(FailedEventStatus.Failed)));
    }

    [Fact]
    public async Task Two_concurrent_updates_from_one_read_let_exactly_one_win_and_a_stale_update_changes_nothing()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var failed = NewEvent(Start, FailedEventStatus.Failed);
        await harness.Store.TryAddAsync(failed);
        var read = (await harness.Store.GetAsync(failed.Id))!;
        var first = read with { Status = FailedEventStatus.Retried, RetryCount = 1, UpdatedAt = Start.AddMinutes(1) };
        var second = read with { Status = FailedEventStatus.Retried, RetryCount = 2, UpdatedAt = Start.AddMinutes(2) };

        var wins = await Task.WhenAll(harness.Store.UpdateAsync(read, first), harness.Store.UpdateAsync(read, second));

        Assert.Single(wins, won => won);
        var stored = await harness.Store.GetAsync(failed.Id);
        Assert.Equal(wins[0] ? first : second, stored);
        Assert.False(await harness.Store.UpdateAsync(read, read with { Status = FailedEventStatus.Resolved }));
        Assert.Equal(stored, await harness.Store.GetAsync(failed.Id));
    }

    [Fact]
    public async Task A_long_original_event_round_trips()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var original = "{\"payload\":\"" + string.Concat(Enumerable.Repeat("😀abc", 25_000)) + "\"}";
        var failed = NewEvent(Start, FailedEventStatus.Failed) with { OriginalEvent = original };

        await harness.Store.TryAddAsync(failed);

        Assert.Equal(original, (await harness.Store.GetAsync(failed.Id))!.OriginalEvent);
    }

    [Fact]
    public async Task A_new_store_instance_on_the_same_azurite_still_lists_the_events()
    {
        var table = UniqueNames.Table("fe");
        var events = Enumerable.Range(0, 5).Select(i => NewEvent(Start.AddHours(i), FailedEventStatus.Failed)).ToList();
        await using (var first = new FailedEventStoreHarness(azurite.ConnectionString, table))
        {
            foreach (var failed in events)
            {
                await first.Store.TryAddAsync(failed);
            }
        }

        await using var second = new FailedEventStoreHarness(azurite.ConnectionString, table);
        var listed = await second.Store.ListAsync(new FailedEventQuery(Limit: 50));

        Assert.Equal(events.AsEnumerable().Reverse(), listed);
    }

    [Fact]
    public async Task Purging_deletes_the_events_last_changed_before_the_cutoff_and_keeps_a_recently_retried_one()
    {
        await using var harness = new FailedEventStoreHarness(azurite.ConnectionString, UniqueNames.Table("fe"));
        var old = NewEvent(Start, FailedEventStatus.Failed);
        var alsoOld = NewEvent(Start.AddDays(1), FailedEventStatus.Resolved);
        var retried = NewEvent(Start, FailedEventStatus.Retried) with { UpdatedAt = Start.AddDays(40) };
        var young = NewEvent(Start.AddDays(35), FailedEventStatus.Failed);
        foreach (var e in new[] { old, alsoOld, retried, young })
        {
            Assert.True(await harness.Store.TryAddAsync(e));
        }

        Assert.Equal(2, await harness.Store.PurgeAsync(Start.AddDays(30)));

        Assert.Null(await harness.Store.GetAsync(old.Id));
        Assert.Null(await harness.Store.GetAsync(alsoOld.Id));
        Assert.Equal([young, retried], await harness.Store.ListAsync(new FailedEventQuery(Limit: 10)));
        Assert.Equal(0, await harness.Store.PurgeAsync(Start.AddDays(30)));
    }

    [Fact]
    public void Row_keys_sort_in_exactly_the_reverse_order_of_ids()
    {
        var random = new Random(99);
        var ids = Enumerable.Range(0, 2000).Select(i => (i % 4) switch
        {
            0 => EventIds.New("fe", Start.AddMilliseconds(random.Next(0, 10_000))),
            1 => "msg-" + random.Next(0, 1000),
            2 => "msg-" + random.Next(0, 1000) + "x",
            _ => "ü" + (char)random.Next('a', 'z'),
        }).Distinct().ToList();

        var byId = ids.OrderByDescending(id => id, StringComparer.Ordinal).ToList();
        var byRowKey = ids.OrderBy(FailedEventRowKey.From, StringComparer.Ordinal).ToList();

        Assert.Equal(byId, byRowKey);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]+~$", FailedEventRowKey.From(id)));
    }

    private static async Task<List<IReadOnlyList<FailedEvent>>> ReadAllPages(IFailedEventStore store, FailedEventStatus? status, int limit)
    {
        var pages = new List<IReadOnlyList<FailedEvent>>();
        string? cursor = null;
        while (true)
        {
            var page = await store.ListAsync(new FailedEventQuery(status, limit, cursor));
            if (page.Count == 0)
            {
                return pages;
            }

            pages.Add(page);
            cursor = page[^1].Id;
        }
    }

    private static FailedEvent NewEvent(DateTimeOffset at, FailedEventStatus status) => new(
        Id: EventIds.New("fe", at),
        OriginalEvent: "{\"type\":\"payment.initiated\"}",
        EventType: EventTypes.PaymentInitiated,
        PaymentId: EventIds.New("pay", at),
        ErrorMessage: "max retries exceeded",
        Source: "wallet-queue-dlq",
        RetryCount: 3,
        Status: status,
        CreatedAt: at,
        UpdatedAt: at);
}
