using PaymentActors.Testing;
using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>Payments whose wallet the test holds back or makes unreachable, through <see cref="WalletCallGate"/>.</summary>
[Collection(GatedWalletCollection.Name)]
public sealed class GatedWalletTests(GatedWalletApiFixture api)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_pending_payment_is_cancelled_and_its_funds_stay_in_the_wallet()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");
        var hold = api.Gate.Hold(user);
        try
        {
            var created = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "4.00"), HttpStatusCode.Accepted);
            var paymentId = created.Text("id");
            await hold.Arrived.WaitAsync(Timeout);

            var cancelled = await ApiAssert.SuccessAsync(await _client.CancelAsync(paymentId), HttpStatusCode.OK);
            var again = await ApiAssert.SuccessAsync(await _client.CancelAsync(paymentId), HttpStatusCode.OK);

            Assert.Equal("cancelled", cancelled.Text("status"));
            Assert.Null(cancelled.GetProperty("failure_reason").GetString());
            Assert.Equal("cancelled", again.Text("status"));
            Assert.Equal(paymentId, again.Text("id"));
            await ApiAssert.ErrorAsync(await _client.RefundAsync(paymentId), HttpStatusCode.Conflict, "payment_not_refundable");

            // The held reservation now reaches the wallet; the cancelled payment must hand the funds straight back.
            hold.Release();
            await Eventually.UntilAsync(
                async () => await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{paymentId}/events"), HttpStatusCode.OK),
                events => events.EnumerateArray().Select(e => e.Text("type")).ToList() is var types
                    && types.Contains("wallet.funds_reserved") && types.Contains("wallet.funds_released"),
                "the late reservation to be released",
                Timeout);
            var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
            Assert.Equal("0.00", wallet.Text("reserved"));
            Assert.Equal("10.00", wallet.Text("balance"));
            Assert.Equal("10.00", wallet.Text("available"));
            var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
            Assert.Equal("cancelled", payment.Text("status"));
        }
        finally
        {
            hold.Release();
        }
    }

    [Fact]
    public async Task A_technical_failure_is_recorded_retried_by_the_operator_and_resolved()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");
        api.Gate.MakeUnreachable(user);
        string paymentId;
        try
        {
            var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "3.00", wait: true), HttpStatusCode.OK);
            Assert.Equal("failed", failed.Text("status"));
            Assert.Equal("wallet_unavailable", failed.Text("failure_reason"));
            paymentId = failed.Text("id");
        }
        finally
        {
            api.Gate.MakeReachable(user);
        }

        var recorded = await FailedEventOfAsync(paymentId);
        Assert.Equal("failed", recorded.Text("status"));
        Assert.Equal("reserve", recorded.Text("source"));
        Assert.True(recorded.GetProperty("retry_count").GetInt32() >= 1);

        var retry = await _client.PostAsync($"/failed-events/{recorded.Text("id")}/retry", content: null);
        var retried = await ApiAssert.SuccessAsync(retry, HttpStatusCode.Accepted);

        Assert.Equal(recorded.Text("id"), retried.Text("id"));
        Assert.Contains(retried.Text("status"), new[] { "retried", "resolved" });
        Assert.Equal($"/failed-events/{recorded.Text("id")}", retry.Headers.Location?.OriginalString);
        var completed = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK),
            p => p.Text("status") == "completed",
            "the retried payment to complete",
            Timeout);
        Assert.Null(completed.GetProperty("failure_reason").GetString());
        var events = await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{paymentId}/events"), HttpStatusCode.OK);
        Assert.Equal(TestTokens.OperatorName, events.EnumerateArray().Single(e => e.Text("type") == "payment.retried").Text("actor"));
        var resolved = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync($"/failed-events/{recorded.Text("id")}"), HttpStatusCode.OK),
            e => e.Text("status") == "resolved",
            "the failed event to be resolved",
            Timeout);
        Assert.Equal(recorded.GetProperty("retry_count").GetInt32() + 1, resolved.GetProperty("retry_count").GetInt32());
        await ApiAssert.ErrorAsync(
            await _client.PostAsync($"/failed-events/{recorded.Text("id")}/retry", content: null), HttpStatusCode.Conflict, "failed_event_not_failed");
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("7.00", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));
    }

    private Task<JsonElement> FailedEventOfAsync(string paymentId) =>
        Eventually.UntilAsync(
            async () =>
            {
                var page = await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?limit=100"), HttpStatusCode.OK);
                return page.GetProperty("items").EnumerateArray().FirstOrDefault(e => e.Text("payment_id") == paymentId);
            },
            e => e.ValueKind == JsonValueKind.Object,
            $"the failed event of {paymentId}",
            Timeout);
}
