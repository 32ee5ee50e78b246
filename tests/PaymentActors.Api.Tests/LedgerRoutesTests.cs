using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>GET /wallets/{user_id}/ledger: the wallet's complete history, newest first, paged by sequence.</summary>
public sealed class LedgerRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Deposits_a_payment_and_a_refund_page_newest_first_and_replay_to_the_balance()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("100.00", "30.00");
        await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "10.00"}"""), HttpStatusCode.Created);
        await PaymentActors.Testing.Eventually.UntilAsync(() => WalletBalanceAsync(user), b => b == 80.00m, "the refund to be credited");
        for (var i = 0; i < 3; i++)
        {
            await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "0.01"), HttpStatusCode.OK);
        }

        // deposit, reserve, deduct, credit, then three deposits: seven entries, read four then three.
        var first = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/ledger?limit=4"), HttpStatusCode.OK);
        var second = await ApiAssert.SuccessAsync(
            await _client.GetAsync($"/wallets/{user}/ledger?limit=4&starting_after={first.Text("next_starting_after")}"), HttpStatusCode.OK);

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.True(first.GetProperty("has_more").GetBoolean());
        Assert.False(second.GetProperty("has_more").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_starting_after").ValueKind);
        Assert.Equal([7L, 6, 5, 4, 3, 2, 1], items.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(["deposit", "deposit", "deposit", "credit", "deduct", "reserve", "deposit"], items.Select(e => e.Text("type")));
        Assert.Equal(paymentId, items[3].Text("payment_id"));
        Assert.False(string.IsNullOrEmpty(items[3].Text("refund_id")));
        Assert.Equal("30.00", items[4].Text("amount"));
        Assert.Equal("70.00", items[4].Text("balance_after"));
        Assert.Equal("80.03", items[0].Text("balance_after"));
        Assert.Equal("80.03", items[0].Text("available_after"));
        Assert.False(string.IsNullOrEmpty(items[6].Text("deposit_id")));
    }

    [Fact]
    public async Task Bad_paging_is_a_validation_error_and_an_unknown_wallet_is_not_found()
    {
        var user = TestIds.User();
        await ApiAssert.ErrorAsync(await _client.GetAsync($"/wallets/{user}/ledger"), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "1.00"), HttpStatusCode.OK);
        foreach (var query in new[] { "limit=0", "limit=101", "limit=abc", "starting_after=0", "starting_after=-1", "starting_after=x" })
        {
            var field = query.Split('=')[0];
            await ApiAssert.ErrorAsync(await _client.GetAsync($"/wallets/{user}/ledger?{query}"), HttpStatusCode.BadRequest, "validation_error", field);
        }

        var page = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/ledger"), HttpStatusCode.OK);
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    private async Task<decimal> WalletBalanceAsync(string user) =>
        (await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK)).Amount("balance");
}
