using System.Collections.Concurrent;
using System.Net;
using PaymentActors.Events;

namespace PaymentActors.Api.Tests;

public sealed class ConcurrentPaymentsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Sixty_four_concurrent_payments_on_one_wallet_never_overdraw_and_deduct_exactly_the_completed_ones()
    {
        const int Payments = 64;
        const decimal Price = 7.00m;
        const decimal Funds = 100.00m; // affords 14 of the 64
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.00"), HttpStatusCode.OK);

        using var stop = new CancellationTokenSource();
        var samples = new ConcurrentBag<(decimal Balance, decimal Reserved, decimal Available)>();
        var sampler = SampleWalletAsync(user, samples, stop.Token);

        var keys = Enumerable.Range(0, Payments).Select(_ => TestIds.Key()).ToList();
        var responses = await Task.WhenAll(keys.Select(key => _client.CreatePaymentAsync(user, "7.00", wait: true, idempotencyKey: key)));

        // A payment still in flight after the wait limit is awaited again through its key; that keeps each wait on the server.
        var outcomes = new List<string>();
        for (var i = 0; i < Payments; i++)
        {
            var response = responses[i];
            var payment = await ApiAssert.SuccessAsync(response, response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted);
            while (payment.Text("status") is not ("completed" or "failed"))
            {
                var again = await _client.CreatePaymentAsync(user, "7.00", wait: true, idempotencyKey: keys[i]);
                payment = await ApiAssert.SuccessAsync(again, again.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted);
            }

            if (payment.Text("status") == "failed")
            {
                Assert.Equal(FailureReasons.InsufficientFunds, payment.Text("failure_reason"));
            }

            outcomes.Add(payment.Text("status"));
        }

        await stop.CancelAsync();
        await sampler;

        var completed = outcomes.Count(s => s == "completed");
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal(14, completed);
        Assert.Equal(Funds - (completed * Price), wallet.Amount("balance"));
        Assert.Equal(0m, wallet.Amount("reserved"));
        Assert.NotEmpty(samples);
        Assert.All(samples, s =>
        {
            Assert.True(s.Available >= 0, $"available went negative: {s}");
            Assert.True(s.Reserved >= 0, $"reserved went negative: {s}");
            Assert.Equal(s.Balance - s.Reserved, s.Available);
        });
    }

    private async Task SampleWalletAsync(
        string user, ConcurrentBag<(decimal Balance, decimal Reserved, decimal Available)> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
            samples.Add((wallet.Amount("balance"), wallet.Amount("reserved"), wallet.Amount("available")));
        }
    }
}
