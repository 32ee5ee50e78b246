using System.Net;

namespace PaymentActors.Api.Tests;

public sealed class WalletRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task First_deposit_creates_the_wallet_and_answers_200_with_it()
    {
        var user = TestIds.User();

        var wallet = await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.5"), HttpStatusCode.OK);

        Assert.Equal("wal_" + user, wallet.Text("id"));
        Assert.Equal(user, wallet.Text("user_id"));
        Assert.Equal("100.50", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));
        Assert.Equal("100.50", wallet.Text("available"));
        Assert.Equal("USD", wallet.Text("currency"));
        Assert.Equal(1, wallet.GetProperty("version").GetInt64());
        Assert.True(wallet.GetProperty("updated_at").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Deposits_accumulate_and_amounts_may_be_json_numbers()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.10"), HttpStatusCode.OK);

        var response = await _client.PostJsonAsync($"/wallets/{user}/deposits", """{"amount": 0.2, "currency": "USD", "ignored_field": [1, 2]}""");
        var wallet = await ApiAssert.SuccessAsync(response, HttpStatusCode.OK);

        Assert.Equal("10.30", wallet.Text("balance"));
        Assert.Equal(2, wallet.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Get_wallet_returns_what_the_deposits_made()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "5000", "JPY");

        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);

        Assert.Equal("5000", wallet.Text("balance"));
        Assert.Equal("JPY", wallet.Text("currency"));
    }

    [Fact]
    public async Task Token_subject_and_email_user_ids_round_trip_but_non_ascii_ones_are_refused()
    {
        // Ids are ASCII (IdGrammar): visually equal ids in two Unicode normalisations would be two wallets.
        foreach (var user in new[] { "auth0|" + Guid.NewGuid().ToString("N"), $"a.b+{Guid.NewGuid():N}@example.com" })
        {
            await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "1.00"), HttpStatusCode.OK);
            var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
            Assert.Equal(user, wallet.Text("user_id"));
        }

        await ApiAssert.ErrorAsync(
            await _client.DepositAsync("usuario-ñandú-" + Guid.NewGuid().ToString("N"), "1.00"), HttpStatusCode.BadRequest, "validation_error", "user_id");
    }

    [Fact]
    public async Task Unknown_wallet_is_404_wallet_not_found()
    {
        var user = TestIds.User();

        await ApiAssert.ErrorAsync(await _client.GetWalletAsync(user), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
        await ApiAssert.ErrorAsync(await _client.GetAsync($"/wallets/{user}/reservations"), HttpStatusCode.NotFound, "wallet_not_found", "user_id");
    }

    [Fact]
    public async Task Deposit_in_another_currency_is_422_currency_mismatch_and_changes_nothing()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00", "USD");

        await ApiAssert.ErrorAsync(await _client.DepositAsync(user, "10.00", "EUR"), HttpStatusCode.UnprocessableEntity, "currency_mismatch", "currency");

        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("10.00", wallet.Text("balance"));
        Assert.Equal("USD", wallet.Text("currency"));
        Assert.Equal(1, wallet.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Reservations_of_an_idle_wallet_are_an_empty_list()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");

        var reservations = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/reservations"), HttpStatusCode.OK);

        Assert.Equal(System.Text.Json.JsonValueKind.Array, reservations.ValueKind);
        Assert.Equal(0, reservations.GetArrayLength());
    }
}
