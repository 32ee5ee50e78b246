using System.Net;

namespace PaymentActors.Api.Tests;

/// <summary>Payments caught while the (slow) gateway is still deciding.</summary>
public sealed class InFlightPaymentTests(SlowGatewayApiFixture api) : IClassFixture<SlowGatewayApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Wait_answers_202_when_the_outcome_is_not_reached_in_time()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");

        var response = await _client.CreatePaymentAsync(user, "1.00", wait: true);
        var payment = await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted);

        Assert.DoesNotContain(payment.Text("status"), new[] { "completed", "failed" });
        Assert.Equal($"/payments/{payment.Text("id")}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Reservations_list_the_hold_of_a_payment_in_flight_and_it_is_gone_once_completed()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");
        var key = TestIds.Key();
        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "4.00", idempotencyKey: key), HttpStatusCode.Accepted);
        var paymentId = payment.Text("id");

        var reservations = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/reservations"), HttpStatusCode.OK),
            list => list.GetArrayLength() == 1,
            "the payment's reservation",
            SlowGatewayApiFixture.GatewayLatency);
        var reservation = reservations[0];
        Assert.False(string.IsNullOrEmpty(reservation.Text("id")));
        Assert.Equal(paymentId, reservation.Text("payment_id"));
        Assert.Equal("4.00", reservation.Text("amount"));
        Assert.Equal("active", reservation.Text("status"));
        Assert.True(reservation.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var held = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("4.00", held.Text("reserved"));
        Assert.Equal("6.00", held.Text("available"));

        // Replaying with the same key and waiting lets the server block until the outcome instead of polling.
        var done = await Eventually.UntilAsync(
            async () =>
            {
                var response = await _client.CreatePaymentAsync(user, "4.00", wait: true, idempotencyKey: key);
                return await ApiAssert.SuccessAsync(response, response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted);
            },
            p => p.Text("status") == "completed",
            "the payment to complete",
            TimeSpan.FromSeconds(15));
        Assert.Equal(paymentId, done.Text("id"));
        var after = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/reservations"), HttpStatusCode.OK);
        Assert.Equal(0, after.GetArrayLength());
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("6.00", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));
    }

    [Fact]
    public async Task A_payment_being_charged_can_be_neither_cancelled_nor_refunded()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "10.00");
        var created = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "3.00"), HttpStatusCode.Accepted);
        var paymentId = created.Text("id");
        await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK),
            p => p.Text("status") == "processing",
            "the payment to reach the gateway",
            SlowGatewayApiFixture.GatewayLatency);

        var error = await ApiAssert.ErrorAsync(await _client.CancelAsync(paymentId), HttpStatusCode.Conflict, "payment_not_cancellable");
        await ApiAssert.ErrorAsync(await _client.RefundAsync(paymentId), HttpStatusCode.Conflict, "payment_not_refundable");

        Assert.Contains("processing", error.Text("message"));
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal(0, payment.GetProperty("refunds").GetArrayLength());
    }
}
