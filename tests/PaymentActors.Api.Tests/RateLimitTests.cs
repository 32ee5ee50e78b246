using System.Net;

namespace PaymentActors.Api.Tests;

/// <summary>Token buckets per principal (per address without a token), and the cap on held-open waits.</summary>
public sealed class RateLimitTests(ThrottledApiFixture api) : IClassFixture<ThrottledApiFixture>
{
    /// <summary>A bucket refills once a second, so a quick run of requests may see one refill: twice the burst bounds it.</summary>
    private const int MaxQuickRequests = 4 * ThrottledApiFixture.Burst;

    [Fact]
    public async Task A_users_quick_sixth_request_is_refused_with_429_and_retry_after_while_others_go_on()
    {
        var user = TestIds.User();
        using var client = api.ClientFor(user);

        var (answers, refused) = await QuickRequestsUntilRefusedAsync(client, $"/wallets/{user}");

        Assert.All(answers.Take(ThrottledApiFixture.Burst), status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        await ApiAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        // Another user has their own bucket, and the operator's is far larger.
        using var other = api.ClientFor(TestIds.User());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync("/wallets/someone")).StatusCode);
        for (var i = 0; i < MaxQuickRequests; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.Client.GetAsync($"/wallets/{user}")).StatusCode);
        }
    }

    [Fact]
    public async Task Requests_without_a_token_are_limited_per_client_address()
    {
        using var anonymous = api.ClientWithToken(null);

        var (answers, refused) = await QuickRequestsUntilRefusedAsync(anonymous, "/gateway");

        Assert.All(answers.Take(ThrottledApiFixture.Burst), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        await ApiAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Past_the_cap_of_waiting_requests_a_payment_is_answered_at_once_with_202()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "10.00"), HttpStatusCode.OK);

        // MaxConcurrentWaits is 0: the wait is not granted, and the payment is created and answered as without it.
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.Accepted);

        await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await api.Client.GetPaymentAsync(payment.Text("id")), HttpStatusCode.OK),
            current => current.Text("status") == "completed",
            "the payment answered without waiting to complete",
            TimeSpan.FromSeconds(10));
    }

    /// <summary>GETs <paramref name="path"/> until refused (at most <see cref="MaxQuickRequests"/> times); the statuses and the last answer.</summary>
    private static async Task<(List<HttpStatusCode> Statuses, HttpResponseMessage Last)> QuickRequestsUntilRefusedAsync(HttpClient client, string path)
    {
        var statuses = new List<HttpStatusCode>();
        while (true)
        {
            var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || statuses.Count == MaxQuickRequests)
            {
                return (statuses, response);
            }

            response.Dispose();
        }
    }
}
