using System.Net;
using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Api.Tests;

public sealed class RefundRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_refund_without_a_body_returns_the_whole_payment_to_the_wallet()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "4.00");

        var response = await _client.RefundAsync(paymentId);

        var refund = await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
        Assert.StartsWith("rf_", refund.Text("id"));
        Assert.Equal(paymentId, refund.Text("payment_id"));
        Assert.Equal("4.00", refund.Text("amount"));
        Assert.Equal("USD", refund.Text("currency"));
        Assert.Equal("succeeded", refund.Text("status"));
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));

        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("refunded", payment.Text("status"));
        Assert.Equal("4.00", payment.Text("refunded_amount"));
        var listed = Assert.Single(payment.GetProperty("refunds").EnumerateArray());
        Assert.Equal(refund.Text("id"), listed.Text("id"));
        Assert.Equal("succeeded", listed.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("10.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_the_payment_and_no_further()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("20.00", "10.00");

        var first = await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": 3.5, "reason": "damaged item"}"""), HttpStatusCode.Created);
        Assert.Equal("3.50", first.Text("amount"));
        Assert.Equal("damaged item", first.Text("reason"));
        var partly = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("partially_refunded", partly.Text("status"));
        Assert.Equal("3.50", partly.Text("refunded_amount"));

        var rest = await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, "{}"), HttpStatusCode.Created);
        Assert.Equal("6.50", rest.Text("amount"));
        await ApiAssert.ErrorAsync(await _client.RefundAsync(paymentId, """{"amount": "0.01"}"""), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment", "amount");

        var refunded = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("refunded", refunded.Text("status"));
        Assert.Equal("10.00", refunded.Text("refunded_amount"));
        Assert.Equal(2, refunded.GetProperty("refunds").GetArrayLength());
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("20.00", wallet.Text("balance"));
    }

    /// <summary>Issue 10, item 9: past RefundCommand.MaxRefundsPerPayment a refund is refused before anything moves.</summary>
    [Fact]
    public async Task The_refund_past_the_limit_is_409_refund_limit_reached_and_changes_nothing()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "2.00");
        var refunds = await Task.WhenAll(Enumerable.Range(0, RefundCommand.MaxRefundsPerPayment).Select(
            i => _client.RefundAsync(paymentId, """{"amount": "0.01", "reason": "one cent back"}""", $"rf-limit-{i}")));
        foreach (var response in refunds)
        {
            await ApiAssert.SuccessAsync(response, HttpStatusCode.Created);
        }

        var error = await ApiAssert.ErrorAsync(
            await _client.RefundAsync(paymentId, """{"amount": "0.01"}""", "rf-limit-over"), HttpStatusCode.Conflict, "refund_limit_reached");

        Assert.Contains(RefundCommand.MaxRefundsPerPayment.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Text("message"));
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("partially_refunded", payment.Text("status"));
        Assert.Equal("1.00", payment.Text("refunded_amount"));
        Assert.Equal(RefundCommand.MaxRefundsPerPayment, payment.GetProperty("refunds").GetArrayLength());
        Assert.All(payment.GetProperty("refunds").EnumerateArray(), r => Assert.Equal("succeeded", r.Text("status")));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("9.00", wallet.Text("balance"));
        // An earlier refund's retry is still answered as a replay: the limit refuses only new refunds.
        var replay = await _client.RefundAsync(paymentId, """{"amount": "0.01", "reason": "one cent back"}""", "rf-limit-0");
        await ApiAssert.SuccessAsync(replay, HttpStatusCode.OK);
        Assert.Equal("9.00", (await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK)).Text("balance"));
    }

    [Fact]
    public async Task A_refund_above_the_payment_is_422_and_changes_nothing()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "5.00");

        var error = await ApiAssert.ErrorAsync(
            await _client.RefundAsync(paymentId, """{"amount": "5.01"}"""), HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment", "amount");

        Assert.Contains("5.00", error.Text("message"));
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        Assert.Equal("0.00", payment.Text("refunded_amount"));
        Assert.Equal(0, payment.GetProperty("refunds").GetArrayLength());
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("5.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task A_retried_refund_with_the_same_key_is_replayed_and_credits_once()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "8.00");
        var key = TestIds.Key();

        var first = await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "2.00"}""", key), HttpStatusCode.Created);
        var again = await _client.RefundAsync(paymentId, """{"amount": "2.00"}""", key);
        var replayed = await ApiAssert.SuccessAsync(again, HttpStatusCode.OK);

        Assert.Equal(EventIds.Derive("rf", paymentId, key), first.Text("id"));
        Assert.Equal(first.Text("id"), replayed.Text("id"));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await ApiAssert.ErrorAsync(
            await _client.RefundAsync(paymentId, """{"amount": "3.00"}""", key), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused", "Idempotency-Key");
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("2.00", payment.Text("refunded_amount"));
        Assert.Single(payment.GetProperty("refunds").EnumerateArray());
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("4.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Concurrent_refunds_never_add_up_to_more_than_the_payment()
    {
        const int Requests = 16;
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "10.00");

        var responses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => _client.RefundAsync(paymentId, """{"amount": "1.50"}""")));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(6, created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment", "amount");
        }

        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("9.00", payment.Text("refunded_amount"));
        Assert.Equal("partially_refunded", payment.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("9.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task Only_a_completed_payment_can_be_refunded()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "1.00");
        var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "5.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("failed", failed.Text("status"));

        await ApiAssert.ErrorAsync(await _client.RefundAsync(failed.Text("id")), HttpStatusCode.Conflict, "payment_not_refundable");
        await ApiAssert.ErrorAsync(await _client.RefundAsync("pay_" + Guid.NewGuid().ToString("N")), HttpStatusCode.NotFound, "payment_not_found", "id");
    }

    [Theory]
    [InlineData("""{"amount": "1.001"}""", "amount")]
    [InlineData("""{"amount": -1}""", "amount")]
    [InlineData("""{"amount": 0}""", "amount")]
    [InlineData("""{"amount": "ten"}""", "amount")]
    [InlineData("""{"amount": true}""", "amount")]
    [InlineData("""{"reason": 5}""", "reason")]
    [InlineData("""{"amount": "1.00""", "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"amount": "1.00", "Amount": "5.00"}""", "amount")]
    [InlineData("""{"amount": "1.00", "amount": "5.00"}""", "amount")]
    [InlineData("""{"AMOUNT": "5.00"}""", "amount")]
    [InlineData("""{"amount": "\ud800"}""", "amount")]
    [InlineData("""{"reason": "a\udfffb"}""", "reason")]
    public async Task Bad_refund_input_is_400_and_refunds_nothing(string body, string field)
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "5.00");

        await ApiAssert.ErrorAsync(await _client.RefundAsync(paymentId, body), HttpStatusCode.BadRequest, "validation_error", field);

        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("5.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task A_refund_body_with_invalid_utf8_is_400_and_refunds_nothing()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "5.00");

        var response = await _client.PostBytesAsync(
            $"/payments/{paymentId}/refunds", ApiCalls.WithInvalidByte("""{"amount": "1§"}"""));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "amount");
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("5.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task A_reason_longer_than_500_characters_is_refused()
    {
        var (_, paymentId) = await _client.CompletedPaymentAsync("10.00", "5.00");

        var body = $$"""{"reason": "{{new string('r', 501)}}"}""";

        await ApiAssert.ErrorAsync(await _client.RefundAsync(paymentId, body), HttpStatusCode.BadRequest, "validation_error", "reason");
    }
}
