using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PaymentActors.Api.Endpoints;
using PaymentActors.Identifiers;
using PaymentActors.Wallets;

namespace PaymentActors.Api.Tests;

/// <summary>GET /wallets/{user_id}/ledger/export: the ledger over [from, to) as CSV, oldest first, replayable.</summary>
public sealed class LedgerExportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Always = "from=2000-01-01&to=2000-12-31";
    private readonly HttpClient _client = api.Client;

    [Theory]
    [InlineData("to=2026-02-01", "from")]
    [InlineData("from=2026-01-01", "to")]
    [InlineData("from=2026-13-01&to=2026-02-01", "from")]
    [InlineData("from=yesterday&to=2026-02-01", "from")]
    [InlineData("from=2026-01-01T00:00:00&to=2026-02-01", "from")]
    [InlineData("from=2026-01-01&to=2026-02-30", "to")]
    [InlineData("from=2026-01-01&to=2026-01-01", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("from=2026-01-01&to=2027-01-03", "to")]
    public async Task A_bad_or_missing_date_is_a_400_naming_it(string query, string field)
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "1.00"), HttpStatusCode.OK);

        await ApiAssert.ErrorAsync(await _client.GetAsync($"/wallets/{user}/ledger/export?{query}"), HttpStatusCode.BadRequest, "validation_error", field);
    }

    [Fact]
    public async Task A_period_of_366_days_with_offsets_is_accepted()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "1.00"), HttpStatusCode.OK);

        var response = await _client.GetAsync($"/wallets/{user}/ledger/export?from=2028-01-01T00:00:00%2B05:00&to=2029-01-01T00:00:00%2B05:00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(LedgerCsv.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_users_wallet_and_a_missing_wallet_are_not_found()
    {
        var owner = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(owner, "1.00"), HttpStatusCode.OK);
        using var other = api.ClientFor(TestIds.User());
        using var self = api.ClientFor(owner);

        await ApiAssert.ErrorAsync(await other.GetAsync($"/wallets/{owner}/ledger/export?{Always}"), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
        await ApiAssert.ErrorAsync(await _client.GetAsync($"/wallets/{TestIds.User()}/ledger/export?{Always}"), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
        Assert.Equal(HttpStatusCode.OK, (await self.GetAsync($"/wallets/{owner}/ledger/export?{Always}")).StatusCode);
    }

    [Fact]
    public async Task The_rows_are_the_ledger_oldest_first_and_replay_to_the_balance_at_to()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("100.00", "30.00");
        await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "10.00"}"""), HttpStatusCode.Created);
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "500.00", wait: true), HttpStatusCode.OK);
        for (var i = 0; i < 3; i++)
        {
            await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "0.01"), HttpStatusCode.OK);
        }

        var ledger = await LedgerAsync(user);
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        using var self = api.ClientFor(user);

        // The whole ledger: the owner's export is every entry, as GET .../ledger has them, and replays to the balance now.
        var everything = await self.GetAsync($"/wallets/{user}/ledger/export?from={Day(-1)}&to={Day(+1)}");
        Assert.Equal(HttpStatusCode.OK, everything.StatusCode);
        Assert.Equal("text/csv", everything.Content.Headers.ContentType?.MediaType);
        var text = await everything.Content.ReadAsStringAsync();
        Assert.StartsWith(string.Join(',', LedgerCsv.Columns) + "\r\n", text, StringComparison.Ordinal);
        var rows = LedgerCsv.Parse(text);
        Assert.Equal(ledger, rows);
        Assert.Null(LedgerReplay.FindInconsistency(rows));
        Assert.Equal((wallet.Amount("balance"), wallet.Amount("available")), LedgerReplay.Replay(rows));
        Assert.Contains("\r\n1,", text, StringComparison.Ordinal);
        Assert.Contains(",deduct,30.00,USD,70.00,70.00,", text, StringComparison.Ordinal);

        // Up to (not including) the fifth entry's time: the entries before it, which replay to its balance before.
        var cut = ledger[4].CreatedAt;
        var before = ledger.Where(e => e.CreatedAt < cut).ToList();
        Assert.NotEmpty(before);
        var toCut = LedgerCsv.Parse(await ExportAsync(user, ledger[0].CreatedAt, cut));
        Assert.Equal(before, toCut);
        Assert.Equal((before[^1].BalanceAfter, before[^1].AvailableAfter), LedgerReplay.Replay(toCut));

        // From that time on: the rest, starting at its first entry.
        var fromCut = LedgerCsv.Parse(await ExportAsync(user, cut, cut.AddDays(1)));
        Assert.Equal(ledger.Where(e => e.CreatedAt >= cut), fromCut);
    }

    [Fact]
    public async Task Amounts_have_the_currencys_decimals_and_never_an_exponent()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "123456789012.5", "KWD"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "0.001", "KWD"), HttpStatusCode.OK);

        var text = await ExportAsync(user, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.Contains(",deposit,123456789012.500,KWD,123456789012.500,123456789012.500,", text, StringComparison.Ordinal);
        Assert.Contains(",deposit,0.001,KWD,123456789012.501,123456789012.501,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_ledger_longer_than_a_chunk_is_read_in_order_chunk_by_chunk()
    {
        var user = TestIds.User();
        for (var i = 1; i <= 7; i++)
        {
            await ApiAssert.SuccessAsync(await _client.DepositAsync(user, i.ToString(CultureInfo.InvariantCulture) + ".00"), HttpStatusCode.OK);
        }

        var ledger = await LedgerAsync(user);
        var wallet = api.Services.GetRequiredService<IGrainFactory>().GetWallet(user);

        // Chunks of 2 over 7 entries: the binary search finds the 3rd, then 3-4, 5-6, 7.
        var range = new LedgerRange(wallet, ledger[2].CreatedAt, DateTimeOffset.MaxValue, chunkSize: 2);
        var bounds = await range.FindAsync();
        Assert.True(bounds is (3, 7), $"bounds {bounds}");
        var read = (await range.ReadAsync(3, 7).ToListAsync()).Select(e => e with { EventId = null });

        Assert.Equal(ledger.Where(e => e.CreatedAt >= ledger[2].CreatedAt), read);
        Assert.Null(await new LedgerRange(wallet, ledger[^1].CreatedAt.AddTicks(1), DateTimeOffset.MaxValue).FindAsync());
    }

    [Fact]
    public async Task The_openapi_document_declares_csv_and_the_errors()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/wallets/{user_id}/ledger/export").GetProperty("get");
        var responses = operation.GetProperty("responses");

        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _), responses.GetProperty("200").ToString());
        Assert.True(responses.GetProperty("400").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(responses.TryGetProperty("404", out _));
        Assert.Equal(
            ["from", "to", "user_id"],
            operation.GetProperty("parameters").EnumerateArray().Select(p => p.Text("name")).Order(StringComparer.Ordinal));
    }

    private async Task<string> ExportAsync(string user, DateTimeOffset from, DateTimeOffset to)
    {
        var response = await _client.GetAsync($"/wallets/{user}/ledger/export?from={Time(from)}&to={Time(to)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The whole ledger through GET /wallets/{user_id}/ledger, oldest first.</summary>
    private async Task<List<LedgerEntry>> LedgerAsync(string user)
    {
        var page = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/ledger?limit=100"), HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray().Reverse().Select(Entry)];
    }

    private static LedgerEntry Entry(JsonElement e) => new(
        e.GetProperty("sequence").GetInt64(),
        e.Text("type"),
        e.Amount("amount"),
        e.Text("currency"),
        e.GetProperty("payment_id").GetString(),
        e.GetProperty("deposit_id").GetString(),
        e.GetProperty("refund_id").GetString(),
        e.Amount("balance_after"),
        e.Amount("available_after"),
        new DateTimeOffset(e.GetProperty("created_at").GetDateTime(), TimeSpan.Zero),
        Actor: e.GetProperty("actor").GetString());

    private static string Day(int offset) => DateTime.UtcNow.Date.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
}
