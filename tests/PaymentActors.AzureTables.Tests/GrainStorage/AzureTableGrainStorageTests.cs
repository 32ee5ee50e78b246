using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;
using PaymentActors.AzureTables.Diagnostics;
using PaymentActors.AzureTables.Storage;
using PaymentActors.AzureTables.Tests.Azurite;
using PaymentActors.AzureTables.Tests.Infrastructure;
using PaymentActors.Wallets;
using MoneyValue = PaymentActors.Money.Money;

namespace PaymentActors.AzureTables.Tests.GrainStorage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureTableGrainStorageTests(AzuriteFixture azurite)
{
    private const string StateName = "ledger";

    [Fact]
    public async Task Reading_a_state_never_written_finds_no_record_and_no_etag()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var state = new TestGrainState<LedgerState>(new LedgerState { Balance = 99m }) { ETag = "stale", RecordExists = true };

        await harness.Storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0m, state.State.Balance);
    }

    [Fact]
    public async Task A_written_state_reads_back_exactly_with_decimal_scale_instants_collections_and_our_types()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var updatedAt = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1234567);
        var written = new TestGrainState<LedgerState>(new LedgerState
        {
            Balance = 7.00m,
            UpdatedAt = updatedAt,
            Entries = [new MoneyValue(100.50m, "USD"), new MoneyValue(1000m, "JPY"), new MoneyValue(0.125m, "KWD")],
            ByCurrency = new Dictionary<string, decimal> { ["USD"] = 100.50m, ["EUR"] = 0.10m },
            Snapshot = new WalletSnapshot("user-1", "USD", 250.00m, 20.50m, 3, updatedAt,
                [new ReservationView("res_1", "pay_1", 20.50m, ReservationStatus.Active, updatedAt, updatedAt.AddMinutes(15))]),
            Note = "ünïcødé ✓",
        });

        await harness.Storage.WriteStateAsync(StateName, grainId, written);
        var read = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("7.00", read.State.Balance.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(updatedAt, read.State.UpdatedAt);
        Assert.Equal(updatedAt.Offset, read.State.UpdatedAt.Offset);
        Assert.Equal(["100.50", "1000", "0.125"], read.State.Entries.Select(m => m.Amount.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(written.State.Entries, read.State.Entries);
        Assert.Equal("0.10", read.State.ByCurrency["EUR"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal("250.00", read.State.Snapshot!.Balance.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(written.State.Snapshot!.Reservations, read.State.Snapshot.Reservations);
        Assert.Equal("ünïcødé ✓", read.State.Note);
    }

    [Fact]
    public async Task A_writer_holding_a_stale_etag_gets_an_inconsistent_state_exception_and_changes_nothing()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var first = new TestGrainState<LedgerState>(new LedgerState { Balance = 1m });
        await harness.Storage.WriteStateAsync(StateName, grainId, first);
        var second = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, second);

        first.State.Balance = 2m;
        await harness.Storage.WriteStateAsync(StateName, grainId, first);
        second.State.Balance = 3m;
        var conflict = await Assert.ThrowsAsync<AzureTableStorageConflictException>(
            () => harness.Storage.WriteStateAsync(StateName, grainId, second));

        Assert.IsAssignableFrom<InconsistentStateException>(conflict);
        Assert.Contains("412", conflict.Message, StringComparison.Ordinal);
        var stored = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, stored);
        Assert.Equal(2m, stored.State.Balance);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task Two_activations_that_both_saw_no_record_cannot_both_insert()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        await harness.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<LedgerState>(new LedgerState { Balance = 1m }));

        await Assert.ThrowsAsync<AzureTableStorageConflictException>(
            () => harness.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<LedgerState>(new LedgerState { Balance = 5m })));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clearing_a_state_makes_the_next_read_find_no_record(bool deleteStateOnClear)
    {
        await using var harness = await GrainStorageHarness.StartAsync(
            azurite.ConnectionString, options => options.DeleteStateOnClear = deleteStateOnClear);
        var grainId = NewGrainId();
        var state = new TestGrainState<LedgerState>(new LedgerState { Balance = 10m });
        await harness.Storage.WriteStateAsync(StateName, grainId, state);

        await harness.Storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.Equal(0m, state.State.Balance);
        var read = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0m, read.State.Balance);
        if (deleteStateOnClear)
        {
            Assert.Null(state.ETag);
            Assert.Null(read.ETag);
        }
        else
        {
            Assert.NotNull(state.ETag);
            Assert.Equal(state.ETag, read.ETag);
        }

        // The grain can live on after a clear.
        state.State.Balance = 4.50m;
        await harness.Storage.WriteStateAsync(StateName, grainId, state);
        await harness.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.True(read.RecordExists);
        Assert.Equal(4.50m, read.State.Balance);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Clearing_with_a_stale_etag_is_refused(bool deleteStateOnClear)
    {
        await using var harness = await GrainStorageHarness.StartAsync(
            azurite.ConnectionString, options => options.DeleteStateOnClear = deleteStateOnClear);
        var grainId = NewGrainId();
        var stale = new TestGrainState<LedgerState>(new LedgerState { Balance = 1m });
        await harness.Storage.WriteStateAsync(StateName, grainId, stale);
        var current = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, current);
        current.State.Balance = 2m;
        await harness.Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<AzureTableStorageConflictException>(() => harness.Storage.ClearStateAsync(StateName, grainId, stale));

        // Believing nothing is stored while something is, is a conflict too.
        var unaware = new TestGrainState<LedgerState>(new LedgerState());
        await Assert.ThrowsAsync<AzureTableStorageConflictException>(() => harness.Storage.ClearStateAsync(StateName, grainId, unaware));
        var read = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal(2m, read.State.Balance);
    }

    [Fact]
    public async Task A_200_KB_state_is_split_across_properties_and_round_trips()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var attachment = new byte[200 * 1024];
        new Random(42).NextBytes(attachment);
        await harness.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<LedgerState>(new LedgerState { Attachment = attachment }));

        var read = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal(attachment, read.State.Attachment);
    }

    [Fact]
    public async Task A_state_of_exactly_the_maximum_size_is_accepted_by_azurite()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var state = new LedgerState { Attachment = new byte[GrainStateChunks.MaxStateBytes - 64] };
        var serializer = new OrleansGrainStorageSerializer(SerializerForTests.Create());
        var overhead = serializer.Serialize(state).Length - state.Attachment.Length;
        state.Attachment = new byte[GrainStateChunks.MaxStateBytes - overhead];
        new Random(7).NextBytes(state.Attachment);
        Assert.Equal(GrainStateChunks.MaxStateBytes, serializer.Serialize(state).Length);

        await harness.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<LedgerState>(state));
        var read = new TestGrainState<LedgerState>(new LedgerState());
        await harness.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal(state.Attachment, read.State.Attachment);
    }

    [Fact]
    public async Task A_state_above_the_entity_limit_fails_clearly_before_any_request()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var state = new TestGrainState<LedgerState>(new LedgerState { Attachment = new byte[GrainStateChunks.MaxStateBytes + 1] });
        var requestsBefore = harness.Requests.Count;

        var error = await Assert.ThrowsAsync<GrainStateTooLargeException>(() => harness.Storage.WriteStateAsync(StateName, grainId, state));

        Assert.Equal(requestsBefore, harness.Requests.Count);
        Assert.Contains(GrainStateChunks.MaxStateBytes.ToString(CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", error.Message, StringComparison.Ordinal);
        Assert.Null(state.ETag);
    }

    [Fact]
    public async Task Grain_ids_with_key_forbidden_and_unicode_characters_round_trip_without_colliding()
    {
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        string[] keys =
        [
            "a/b", "a%2Fb", "a%252Fb", "a#b", "a%23b", "a?b", "a\\b", "a|b", "a%7Cb", "a'b", "tab\there", "line\nbreak",
            "ünïcødé-€-😀", "日本語", "trailing ", "%", "%u0041", "a/b/c#d?e\\f",
        ];
        var grainIds = keys.Select(key => GrainId.Create("ledger", key)).ToArray();
        for (var i = 0; i < grainIds.Length; i++)
        {
            await harness.Storage.WriteStateAsync(StateName, grainIds[i], new TestGrainState<LedgerState>(new LedgerState { Note = keys[i], Balance = i }));
        }

        for (var i = 0; i < grainIds.Length; i++)
        {
            var read = new TestGrainState<LedgerState>(new LedgerState());
            await harness.Storage.ReadStateAsync(StateName, grainIds[i], read);
            Assert.True(read.RecordExists, $"no record for '{keys[i]}'");
            Assert.Equal(keys[i], read.State.Note);
            Assert.Equal(i, read.State.Balance);
        }
    }

    [Fact]
    public async Task Two_state_names_of_one_grain_and_two_services_in_one_table_are_kept_apart()
    {
        var table = UniqueNames.Table("shared");
        await using var first = await GrainStorageHarness.StartAsync(azurite.ConnectionString, tableName: table, serviceId: "service-a");
        await using var second = await GrainStorageHarness.StartAsync(azurite.ConnectionString, tableName: table, serviceId: "service-b");
        var grainId = NewGrainId();

        await first.Storage.WriteStateAsync("ledger", grainId, new TestGrainState<LedgerState>(new LedgerState { Balance = 1m }));
        await first.Storage.WriteStateAsync("ledger/archive", grainId, new TestGrainState<LedgerState>(new LedgerState { Balance = 2m }));
        await second.Storage.WriteStateAsync("ledger", grainId, new TestGrainState<LedgerState>(new LedgerState { Balance = 3m }));

        Assert.Equal(1m, await ReadBalance(first.Storage, "ledger", grainId));
        Assert.Equal(2m, await ReadBalance(first.Storage, "ledger/archive", grainId));
        Assert.Equal(3m, await ReadBalance(second.Storage, "ledger", grainId));
    }

    [Fact]
    public async Task Reads_writes_clears_and_conflicts_are_counted_per_provider_and_state()
    {
        using var recorder = new MeasurementRecorder();
        await using var harness = await GrainStorageHarness.StartAsync(azurite.ConnectionString);
        var grainId = NewGrainId();
        var state = new TestGrainState<LedgerState>(new LedgerState { Balance = 1m });
        var tags = new[] { (StorageInstruments.ProviderTag, GrainStorageHarness.StorageName), (StorageInstruments.StateTag, "metered") };

        await harness.Storage.ReadStateAsync("metered", grainId, state);
        await harness.Storage.WriteStateAsync("metered", grainId, state);
        await harness.Storage.WriteStateAsync("metered", grainId, state);
        await Assert.ThrowsAsync<AzureTableStorageConflictException>(
            () => harness.Storage.WriteStateAsync("metered", grainId, new TestGrainState<LedgerState>(new LedgerState())));
        await harness.Storage.ClearStateAsync("metered", grainId, state);

        Assert.Equal(1, recorder.Sum(StorageInstruments.ReadsInstrument, tags));
        Assert.Equal(3, recorder.Sum(StorageInstruments.WritesInstrument, tags));
        Assert.Equal(1, recorder.Sum(StorageInstruments.ClearsInstrument, tags));
        Assert.Equal(1, recorder.Sum(StorageInstruments.ConflictsInstrument, tags));
    }

    private static async Task<decimal> ReadBalance(IGrainStorage storage, string stateName, GrainId grainId)
    {
        var read = new TestGrainState<LedgerState>(new LedgerState());
        await storage.ReadStateAsync(stateName, grainId, read);
        return read.State.Balance;
    }

    private static GrainId NewGrainId() => GrainId.Create("ledger", Guid.NewGuid().ToString("N"));
}
