using System.Net;
using PaymentActors.Events;

namespace PaymentActors.Api.Tests;

public sealed class PaymentRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Create_answers_202_pending_with_a_location()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "50.00");

        var response = await _client.CreatePaymentAsync(user, "10.5");
        var payment = await ApiAssert.SuccessAsync(response, HttpStatusCode.Accepted);

        var id = payment.Text("id");
        Assert.StartsWith("pay_", id);
        Assert.Equal($"/payments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("pending", payment.Text("status"));
        Assert.Equal(user, payment.Text("user_id"));
        Assert.Equal("service-1", payment.Text("service_id"));
        Assert.Equal("10.50", payment.Text("amount"));
        Assert.Equal("USD", payment.Text("currency"));
        Assert.Equal("test payment", payment.Text("description"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payment.GetProperty("failure_reason").ValueKind);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Wait_on_a_funded_wallet_answers_200_completed_and_the_wallet_shows_the_deduction()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "100.00");

        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "30.25", wait: true), HttpStatusCode.OK);

        Assert.Equal("completed", payment.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("69.75", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));
        Assert.Equal("69.75", wallet.Text("available"));
    }

    [Fact]
    public async Task Wait_on_an_empty_wallet_answers_200_failed_insufficient_funds()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "5.00");

        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "5.01", wait: true), HttpStatusCode.OK);

        Assert.Equal("failed", payment.Text("status"));
        Assert.Equal(FailureReasons.InsufficientFunds, payment.Text("failure_reason"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("5.00", wallet.Text("balance"));
        Assert.Equal("5.00", wallet.Text("available"));
    }

    [Fact]
    public async Task Payment_from_a_user_without_wallet_fails_with_wallet_not_found()
    {
        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(TestIds.User(), "1.00", wait: true), HttpStatusCode.OK);

        Assert.Equal("failed", payment.Text("status"));
        Assert.Equal(FailureReasons.WalletNotFound, payment.Text("failure_reason"));
    }

    [Fact]
    public async Task Get_returns_the_payment_and_events_its_history_oldest_first()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "20.00");
        var created = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "7.00", wait: true), HttpStatusCode.OK);
        var id = created.Text("id");

        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(id), HttpStatusCode.OK);
        Assert.Equal(id, payment.Text("id"));
        Assert.Equal("completed", payment.Text("status"));
        Assert.True(payment.GetProperty("updated_at").GetDateTimeOffset() >= payment.GetProperty("created_at").GetDateTimeOffset());

        var events = await ApiAssert.SuccessAsync(await _client.GetAsync($"/payments/{id}/events"), HttpStatusCode.OK);
        var list = events.EnumerateArray().ToList();
        Assert.Equal(EventTypes.PaymentInitiated, list.First().Text("type"));
        Assert.Equal(EventTypes.PaymentCompleted, list.Last().Text("type"));
        Assert.Contains(list, e => e.Text("type") == EventTypes.FundsReserved);
        Assert.Contains(list, e => e.Text("type") == EventTypes.FundsDeducted);
        var times = list.Select(e => e.GetProperty("occurred_at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(list, e =>
        {
            Assert.StartsWith("evt_", e.Text("id"));
            Assert.Equal(id, e.Text("payment_id"));
            Assert.Equal(user, e.Text("user_id"));
            Assert.Equal("7.00", e.Text("amount"));
            Assert.Equal("USD", e.Text("currency"));
            Assert.True(e.TryGetProperty("reason", out _));
        });
    }

    [Fact]
    public async Task Unknown_payment_is_404_payment_not_found()
    {
        var id = EventIds.New("pay", DateTimeOffset.UtcNow);

        await ApiAssert.ErrorAsync(await _client.GetPaymentAsync(id), HttpStatusCode.NotFound, "payment_not_found", "id");
        await ApiAssert.ErrorAsync(await _client.GetAsync($"/payments/{id}/events"), HttpStatusCode.NotFound, "payment_not_found", "id");
    }

    [Fact]
    public async Task Metrics_summary_counts_completed_payments_with_their_amounts()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "3.00", "EUR");
        await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "1.25", "EUR", wait: true), HttpStatusCode.OK);

        // The collectors are fed by the event stream, so they catch up shortly after the payment completes.
        var summary = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK),
            s => s.GetProperty("payment_success").GetInt64() >= 1
                && s.GetProperty("payment_amount").TryGetProperty(EventTypes.PaymentCompleted, out var completed)
                && completed.TryGetProperty("EUR", out _),
            "the completed payment in the metrics summary",
            TimeSpan.FromSeconds(10));

        Assert.True(summary.GetProperty("event_count").GetProperty(EventTypes.PaymentCompleted).GetInt64() >= 1);
        Assert.True(summary.GetProperty("payment_amount").GetProperty(EventTypes.PaymentCompleted).Amount("EUR") >= 1.25m);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, summary.GetProperty("payment_failure").ValueKind);
    }
}
