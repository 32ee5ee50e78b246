using System.Net;
using PaymentActors.Events;

namespace PaymentActors.Api.Tests;

public sealed class IdempotencyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Replayed = "Idempotent-Replayed";
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Replay_returns_the_same_payment_with_the_replay_header_and_debits_once()
    {
        var user = TestIds.User();
        var key = TestIds.Key();
        await _client.DepositAsync(user, "50.00");

        var first = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "10.00", wait: true, idempotencyKey: key), HttpStatusCode.OK);
        var replayResponse = await _client.CreatePaymentAsync(user, "10.00", idempotencyKey: key);
        var replay = await ApiAssert.SuccessAsync(replayResponse, HttpStatusCode.Accepted);

        Assert.Equal(EventIds.Derive("pay", user, key), first.Text("id"));
        Assert.Equal(first.Text("id"), replay.Text("id"));
        Assert.Equal("completed", replay.Text("status"));
        Assert.Equal("true", replayResponse.Headers.GetValues(Replayed).Single());
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("40.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Same_key_with_a_different_body_is_422_and_changes_nothing()
    {
        var user = TestIds.User();
        var key = TestIds.Key();
        await _client.DepositAsync(user, "50.00");
        var first = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "10.00", wait: true, idempotencyKey: key), HttpStatusCode.OK);

        await ApiAssert.ErrorAsync(
            await _client.CreatePaymentAsync(user, "11.00", idempotencyKey: key), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused", "Idempotency-Key");
        await ApiAssert.ErrorAsync(
            await _client.CreatePaymentAsync(user, "10.00", serviceId: "service-2", idempotencyKey: key), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(first.Text("id")), HttpStatusCode.OK);
        Assert.Equal("10.00", payment.Text("amount"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("40.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_user()
    {
        var key = TestIds.Key();
        var alice = TestIds.User();
        var bob = TestIds.User();
        await _client.DepositAsync(alice, "5.00");
        await _client.DepositAsync(bob, "5.00");

        var a = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(alice, "1.00", idempotencyKey: key), HttpStatusCode.Accepted);
        var b = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(bob, "2.00", idempotencyKey: key), HttpStatusCode.Accepted);

        Assert.NotEqual(a.Text("id"), b.Text("id"));
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_create_exactly_one_payment()
    {
        var user = TestIds.User();
        var key = TestIds.Key();
        await _client.DepositAsync(user, "100.00");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.CreatePaymentAsync(user, "3.00", idempotencyKey: key)));

        var ids = new HashSet<string>();
        var created = 0;
        foreach (var response in responses)
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "idempotency_key_in_use", "Idempotency-Key");
                continue;
            }

            var payment = await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted);
            ids.Add(payment.Text("id"));
            created += response.Headers.Contains(Replayed) ? 0 : 1;
        }

        Assert.Single(ids);
        Assert.Equal(1, created);
        var done = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "3.00", wait: true, idempotencyKey: key), HttpStatusCode.OK);
        Assert.Equal(ids.Single(), done.Text("id"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("97.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Deposit_replay_applies_once_and_a_different_amount_is_422()
    {
        var user = TestIds.User();
        var key = TestIds.Key();

        var first = await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "25.00", idempotencyKey: key), HttpStatusCode.OK);
        var replayResponse = await _client.DepositAsync(user, "25", idempotencyKey: key);
        var replay = await ApiAssert.SuccessAsync(replayResponse, HttpStatusCode.OK);

        Assert.Equal("25.00", first.Text("balance"));
        Assert.Equal("25.00", replay.Text("balance"));
        Assert.Equal("true", replayResponse.Headers.GetValues(Replayed).Single());
        await ApiAssert.ErrorAsync(
            await _client.DepositAsync(user, "26.00", idempotencyKey: key), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused", "Idempotency-Key");
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("25.00", wallet.Text("balance"));
        Assert.Equal(1, wallet.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Concurrent_deposits_with_one_key_apply_once()
    {
        var user = TestIds.User();
        var key = TestIds.Key();
        await _client.DepositAsync(user, "1.00");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.DepositAsync(user, "5.00", idempotencyKey: key)));

        foreach (var response in responses)
        {
            await ApiAssert.SuccessAsync(response, HttpStatusCode.OK);
        }

        Assert.Single(responses, r => !r.Headers.Contains(Replayed));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("6.00", wallet.Text("balance"));
    }
}
