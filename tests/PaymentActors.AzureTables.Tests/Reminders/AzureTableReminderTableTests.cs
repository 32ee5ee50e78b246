using Orleans.Runtime;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.Reminders;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableReminderTableTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Parallel_upserts_of_one_reminder_each_get_a_distinct_etag_and_the_last_one_removes_it()
    {
        await using var harness = await ReminderTableHarness.StartAsync(azurite.ConnectionString, UniqueNames.Table("rem"), UniqueNames.ServiceId());
        var grainId = GrainId.Create("payment", "pay_1");

        var eTags = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            harness.Table.UpsertRow(Reminder(grainId, "expire", TimeSpan.FromMinutes(i + 1)))));

        Assert.All(eTags, eTag => Assert.False(string.IsNullOrEmpty(eTag)));
        Assert.Equal(eTags.Length, eTags.Distinct().Count());
        var stored = await harness.Table.ReadRow(grainId, "expire");
        Assert.NotNull(stored);
        Assert.Contains(stored.ETag, eTags);
        Assert.True(await harness.Table.RemoveRow(grainId, "expire", stored.ETag!));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_returns_false_and_keeps_the_row()
    {
        await using var harness = await ReminderTableHarness.StartAsync(azurite.ConnectionString, UniqueNames.Table("rem"), UniqueNames.ServiceId());
        var grainId = GrainId.Create("payment", "pay_2");
        var staleETag = await harness.Table.UpsertRow(Reminder(grainId, "retry", TimeSpan.FromSeconds(30)));
        var currentETag = await harness.Table.UpsertRow(Reminder(grainId, "retry", TimeSpan.FromSeconds(60)));

        Assert.False(await harness.Table.RemoveRow(grainId, "retry", staleETag!));
        Assert.NotNull(await harness.Table.ReadRow(grainId, "retry"));
        Assert.True(await harness.Table.RemoveRow(grainId, "retry", currentETag!));
        Assert.Null(await harness.Table.ReadRow(grainId, "retry"));
        Assert.False(await harness.Table.RemoveRow(grainId, "retry", currentETag!));
    }

    [Fact]
    public async Task ReadRows_of_a_grain_returns_exactly_its_reminders_with_their_schedule()
    {
        await using var harness = await ReminderTableHarness.StartAsync(azurite.ConnectionString, UniqueNames.Table("rem"), UniqueNames.ServiceId());
        var grain = GrainId.Create("wallet", "user/1#a?");
        var prefixTwin = GrainId.Create("wallet", "user/1#a?x");
        var startAt = new DateTime(2026, 3, 1, 12, 30, 45, DateTimeKind.Utc).AddTicks(1234567);
        await harness.Table.UpsertRow(Reminder(grain, "sweep|1", TimeSpan.FromMinutes(5), startAt));
        await harness.Table.UpsertRow(Reminder(grain, "expire/2", TimeSpan.FromHours(1), startAt));
        await harness.Table.UpsertRow(Reminder(prefixTwin, "sweep|1", TimeSpan.FromMinutes(5), startAt));

        var rows = (await harness.Table.ReadRows(grain)).Reminders.OrderBy(r => r.ReminderName, StringComparer.Ordinal).ToList();

        Assert.Equal(["expire/2", "sweep|1"], rows.Select(r => r.ReminderName));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
        Assert.All(rows, r => Assert.Equal(startAt, r.StartAt));
        Assert.Equal(TimeSpan.FromHours(1), rows[0].Period);
        Assert.Null(await harness.Table.ReadRow(grain, "missing"));
    }

    [Fact]
    public async Task Random_hash_ranges_including_wrap_around_return_exactly_what_an_in_memory_model_returns()
    {
        var table = UniqueNames.Table("rem");
        await using var harness = await ReminderTableHarness.StartAsync(azurite.ConnectionString, table, "ranges");
        await using var otherService = await ReminderTableHarness.StartAsync(azurite.ConnectionString, table, "ranges-other");
        var random = new Random(20260115);
        var model = Enumerable.Range(0, 120).Select(i =>
        {
            var grainId = GrainId.Create("payment", "pay_" + random.Next().ToString("x8"));
            return (Hash: grainId.GetUniformHashCode(), GrainId: grainId, Name: i % 5 == 0 ? "retry" : "expire");
        }).ToList();
        await Task.WhenAll(model.Select(row => harness.Table.UpsertRow(Reminder(row.GrainId, row.Name, TimeSpan.FromMinutes(1)))));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            otherService.Table.UpsertRow(Reminder(GrainId.Create("payment", "other_" + i), "expire", TimeSpan.FromMinutes(1)))));

        var hashes = model.Select(row => row.Hash).ToArray();
        var ranges = Enumerable.Range(0, 1000).Select(i => i switch
        {
            0 => (0u, 0u),
            1 => (uint.MaxValue, uint.MaxValue),
            2 => (uint.MaxValue, 0u),
            3 => (0u, uint.MaxValue),
            _ => (PickBound(random, hashes), PickBound(random, hashes)),
        }).ToList();
        Assert.Contains(ranges, r => r.Item1 > r.Item2);

        using var throttle = new SemaphoreSlim(8);
        await Task.WhenAll(ranges.Select(async range =>
        {
            await throttle.WaitAsync();
            try
            {
                var (begin, end) = range;
                var expected = model.Where(row => InRange(row.Hash, begin, end)).Select(row => Key(row.GrainId, row.Name)).Order().ToList();
                var actual = (await harness.Table.ReadRows(begin, end)).Reminders.Select(r => Key(r.GrainId, r.ReminderName)).Order().ToList();
                Assert.True(expected.SequenceEqual(actual),
                    $"range ({begin:X8}, {end:X8}]: expected {expected.Count} rows, got {actual.Count}");
            }
            finally
            {
                throttle.Release();
            }
        }));
    }

    [Fact]
    public async Task Clearing_the_table_for_tests_removes_only_this_services_rows_and_operations_are_counted()
    {
        using var recorder = new MeasurementRecorder();
        var table = UniqueNames.Table("rem");
        await using var harness = await ReminderTableHarness.StartAsync(azurite.ConnectionString, table, UniqueNames.ServiceId());
        await using var other = await ReminderTableHarness.StartAsync(azurite.ConnectionString, table, UniqueNames.ServiceId());
        await harness.Table.UpsertRow(Reminder(GrainId.Create("payment", "a"), "expire", TimeSpan.FromMinutes(1)));
        await other.Table.UpsertRow(Reminder(GrainId.Create("payment", "b"), "expire", TimeSpan.FromMinutes(1)));

        await harness.Table.TestOnlyClearTable();

        Assert.Empty((await harness.Table.ReadRows(0, 0)).Reminders);
        Assert.Single((await other.Table.ReadRows(0, 0)).Reminders);
        Assert.Equal(2, recorder.Sum(StorageInstruments.ReminderOperationsInstrument, (StorageInstruments.OperationTag, "upsert")));
        Assert.Equal(2, recorder.Sum(StorageInstruments.ReminderOperationsInstrument, (StorageInstruments.OperationTag, "read_range")));
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    /// <summary>Half the bounds are stored hashes (or their neighbours), to test the open/closed ends exactly.</summary>
    private static uint PickBound(Random random, uint[] hashes) => random.Next(4) switch
    {
        0 => hashes[random.Next(hashes.Length)],
        1 => hashes[random.Next(hashes.Length)] - 1,
        _ => (uint)random.NextInt64(0, 1L << 32),
    };

    private static string Key(GrainId grainId, string name) => grainId + "|" + name;

    private static ReminderEntry Reminder(GrainId grainId, string name, TimeSpan period, DateTime? startAt = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        Period = period,
        StartAt = startAt ?? new DateTime(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc),
    };
}
