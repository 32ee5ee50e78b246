using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>The production set-up end to end: Azure Table storage on a real Azurite and the HTTP mock gateway.</summary>
public sealed class AzureStackTests(AzureStackApiFixture api) : IClassFixture<AzureStackApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Deposit_pay_refund_and_failure_records_go_through_azure_tables_and_the_http_gateway()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "50.00"), HttpStatusCode.OK);

        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "20.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        var refund = await ApiAssert.SuccessAsync(await _client.RefundAsync(payment.Text("id"), """{"amount": "5.00"}"""), HttpStatusCode.Created);
        Assert.Equal("succeeded", refund.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("35.00", wallet.Text("balance"));

        // The transactions carry the HTTP gateway's own ids: its charge id, and the refund id it echoes.
        var transactions = (await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(payment.Text("id")), HttpStatusCode.OK)).GetProperty("transactions");
        var gatewayCharge = JsonDocument.Parse(await api.Gateway.GetStringAsync($"/charges/{payment.Text("id")}")).RootElement;
        Assert.Equal(gatewayCharge.GetProperty("charge_id").GetString(), transactions[0].Text("gateway_transaction_id"));
        Assert.Equal(refund.Text("id"), transactions[1].Text("gateway_transaction_id"));

        // The mock gateway saw the charge and the refund: the answers came over HTTP, not from the in-process simulation.
        var stats = JsonDocument.Parse(await api.Gateway.GetStringAsync("/admin/stats")).RootElement;
        Assert.True(stats.GetProperty("charges_approved").GetInt64() >= 1, stats.ToString());
        Assert.True(stats.GetProperty("refunds_approved").GetInt64() >= 1, stats.ToString());
        var health = await ApiAssert.SuccessAsync(await _client.GetAsync("/gateway"), HttpStatusCode.OK);
        Assert.True(health.GetProperty("total_successes").GetInt64() >= 2, health.ToString());
        Assert.True(health.GetProperty("window_seconds").GetDouble() > 0);

        var poor = TestIds.User();
        await _client.DepositAsync(poor, "1.00");
        var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(poor, "2.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("insufficient_funds", failed.Text("failure_reason"));
        var recorded = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?limit=100"), HttpStatusCode.OK),
            page => page.GetProperty("items").EnumerateArray().Any(e => e.Text("payment_id") == failed.Text("id")),
            "the failed event in the Azure table",
            Timeout);
        Assert.NotEmpty(recorded.GetProperty("items").EnumerateArray());

        // Only this app writes to Azure Tables and calls the HTTP gateway, so their meters are its own at /metrics.
        var metrics = await Eventually.UntilAsync(
            () => _client.GetStringAsync("/metrics"),
            text => text.Contains("paymentactors_storage_writes", StringComparison.Ordinal)
                && text.Contains("paymentactors_gateway_calls", StringComparison.Ordinal),
            "the storage and gateway meters in the Prometheus text",
            Timeout);
        Assert.Contains("paymentactors_gateway_circuit_state", metrics);

        // Co-hosted, the summary's storage requests are this one process's, counted once (as its silo's).
        var storage = (await ApiAssert.SuccessAsync(await _client.GetAsync("/metrics/summary"), HttpStatusCode.OK)).GetProperty("storage");
        Assert.Equal(1, storage.GetProperty("processes").GetInt32());
        Assert.Contains(storage.GetProperty("requests").EnumerateArray(), r => r.Text("service") == "grain_state" && r.Text("kind") == "write");
        Assert.Contains(storage.GetProperty("requests").EnumerateArray(), r => r.Text("service") == "wallets" && r.Text("kind") == "write");
    }

    [Fact]
    public Task Payments_page_through_the_index_rows_in_the_wallet_partition() => ListPaging.TwentyFivePaymentsInThreePagesAsync(_client);

    [Fact]
    public async Task Lists_filter_index_rows_by_status_and_time_and_list_orders_in_azure_tables()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "20.00"), HttpStatusCode.OK);
        var completed = await ListPaging.PayAsync(_client, user, "5.00");
        var failed = await ListPaging.PayAsync(_client, user, "50.00");
        var refunded = await ListPaging.PayAsync(_client, user, "5.00");
        await ApiAssert.SuccessAsync(await _client.RefundAsync(refunded.Text("id")), HttpStatusCode.Created);
        var order = await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (7, 2, "1.50")), HttpStatusCode.Created);
        var paid = await ApiAssert.SuccessAsync(await _client.PayOrderAsync(user, order.Text("id"), "3.00"), HttpStatusCode.OK);

        Assert.Equal([paid.Text("id"), completed.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&status=completed&limit=1"));
        Assert.Equal([refunded.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&status=refunded"));
        Assert.Equal([paid.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&order_id={order.Text("id")}"));
        var at = Uri.EscapeDataString(failed.GetProperty("created_at").GetDateTime().ToString("O"));
        Assert.Equal([failed.Text("id"), completed.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&created_before={Uri.EscapeDataString(refunded.GetProperty("created_at").GetDateTime().ToString("O"))}"));
        Assert.Equal([paid.Text("id"), refunded.Text("id"), failed.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&created_after={at}"));
        Assert.Equal([order.Text("id")], await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=paid"));
    }

    [Fact]
    public async Task A_gateway_outage_opens_the_breaker_and_after_the_pause_a_probe_closes_it_and_a_retry_completes_the_failed_payment()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "30.00");
        await SetOutageAsync(true);
        string paymentId;
        try
        {
            var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "10.00", wait: true), HttpStatusCode.OK);
            Assert.Equal("failed", failed.Text("status"));
            Assert.Equal("gateway_unavailable", failed.Text("failure_reason"));
            paymentId = failed.Text("id");
            var open = await ApiAssert.SuccessAsync(await _client.GetAsync("/gateway"), HttpStatusCode.OK);
            Assert.Equal("open", open.Text("state"));
            Assert.True(open.GetProperty("times_opened").GetInt32() >= 1);
            Assert.True(open.GetProperty("total_failures").GetInt64() >= 1);
            Assert.Equal(JsonValueKind.String, open.GetProperty("open_until").ValueKind);
        }
        finally
        {
            await SetOutageAsync(false);
        }

        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("30.00", wallet.Text("balance"));
        Assert.Equal("0.00", wallet.Text("reserved"));
        var failedEvent = await Eventually.UntilAsync(
            async () =>
            {
                var page = await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?status=failed&limit=100"), HttpStatusCode.OK);
                return page.GetProperty("items").EnumerateArray().FirstOrDefault(e => e.Text("payment_id") == paymentId);
            },
            e => e.ValueKind == JsonValueKind.Object,
            "the failed event of the outage",
            Timeout);

        Assert.Equal("gateway_unavailable", failedEvent.GetProperty("original_event").Text("reason"));

        // After its pause the breaker lets one probe through; a new payment is that probe, succeeds and closes the breaker.
        await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync("/gateway"), HttpStatusCode.OK),
            h => h.GetProperty("open_until").ValueKind != JsonValueKind.String || h.GetProperty("open_until").GetDateTimeOffset() < DateTimeOffset.UtcNow,
            "the breaker's pause to end",
            Timeout);
        var after = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "10.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("completed", after.Text("status"));
        var closed = await ApiAssert.SuccessAsync(await _client.GetAsync("/gateway"), HttpStatusCode.OK);
        Assert.Equal("closed", closed.Text("state"));
        Assert.Equal(JsonValueKind.String, closed.GetProperty("last_closed_at").ValueKind);
        var charged = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("20.00", charged.Text("balance"));

        // The outage was a technical failure: the operator's retry re-drives the payment, which now completes.
        var retry = await _client.PostAsync($"/failed-events/{failedEvent.Text("id")}/retry", content: null);
        var retried = await ApiAssert.SuccessAsync(retry, HttpStatusCode.Accepted);
        Assert.Equal(failedEvent.Text("id"), retried.Text("id"));
        var completed = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK),
            p => p.Text("status") is "completed" or "failed",
            "the retried payment to end",
            Timeout);
        Assert.Equal("completed", completed.Text("status"));
        var resolved = await Eventually.UntilAsync(
            async () => await ApiAssert.SuccessAsync(await _client.GetAsync($"/failed-events/{failedEvent.Text("id")}"), HttpStatusCode.OK),
            e => e.Text("status") != "retried",
            "the failed event to be settled",
            Timeout);
        Assert.Equal("resolved", resolved.Text("status"));
        var paid = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("10.00", paid.Text("balance"));
        Assert.Equal("0.00", paid.Text("reserved"));
    }

    private async Task SetOutageAsync(bool outage)
    {
        using var content = new StringContent($$"""{"outage": {{(outage ? "true" : "false")}}}""", System.Text.Encoding.UTF8, "application/json");
        var response = await api.Gateway.PostAsync("/admin/behaviour", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
