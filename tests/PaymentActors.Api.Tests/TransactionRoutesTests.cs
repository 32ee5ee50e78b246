using System.Net;

namespace PaymentActors.Api.Tests;

/// <summary>Transactions (seed 004): a payment's charge, refunds and void, read off the payment and resolvable by id.</summary>
public sealed class TransactionRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_payment_with_a_partial_refund_has_a_charge_and_a_refund_each_resolvable_by_id()
    {
        var (_, paymentId) = await _client.CompletedPaymentAsync("100.00", "40.00");
        var refund = await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "15.50"}"""), HttpStatusCode.Created);

        var payment = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK),
            p => p.GetProperty("transactions").EnumerateArray().Any(t => t.Text("type") == "refund" && t.Text("status") == "succeeded"),
            "the refund to succeed", TimeSpan.FromSeconds(10));

        var transactions = payment.GetProperty("transactions").EnumerateArray().ToList();
        Assert.Equal("partially_refunded", payment.Text("status"));
        Assert.Equal(["charge", "refund"], transactions.Select(t => t.Text("type")));
        var charge = transactions[0];
        Assert.Equal("40.00", charge.Text("amount"));
        Assert.Equal("succeeded", charge.Text("status"));
        Assert.Equal(paymentId, charge.Text("payment_id"));
        var refunded = transactions[1];
        Assert.Equal("15.50", refunded.Text("amount"));
        // The simulated gateway's own ids, carried from its answers.
        Assert.Equal("sim-" + paymentId, charge.Text("gateway_transaction_id"));
        Assert.Equal("sim-refund-" + refund.Text("id"), refunded.Text("gateway_transaction_id"));
        foreach (var transaction in transactions)
        {
            var read = await ApiAssert.SuccessAsync(await _client.GetAsync($"/transactions/{transaction.Text("id")}"), HttpStatusCode.OK);
            Assert.Equal(transaction.Text("type"), read.Text("type"));
            Assert.Equal(transaction.Text("amount"), read.Text("amount"));
        }

        await ApiAssert.ErrorAsync(await _client.GetAsync($"/transactions/txn.refund.2.{paymentId}"), HttpStatusCode.NotFound, "transaction_not_found", "id");
        await ApiAssert.ErrorAsync(await _client.GetAsync("/transactions/not-a-transaction"), HttpStatusCode.NotFound, "transaction_not_found", "id");
    }

    [Fact]
    public async Task A_payment_that_failed_before_the_gateway_has_no_transaction()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "10.00"), HttpStatusCode.OK);

        // Not enough funds: the payment fails before the gateway, so it has no transaction at all.
        var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "20.00", wait: true), HttpStatusCode.OK);
        var read = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(failed.Text("id")), HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("transactions").EnumerateArray());
    }
}
