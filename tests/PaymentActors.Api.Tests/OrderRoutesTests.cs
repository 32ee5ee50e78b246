using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

/// <summary>
/// Orders (seed 004, issue 13): totals computed on the server in exact decimals, the order → payment → refund walk,
/// what may change when, an operator's forward steps, and two payments racing for one order.
/// </summary>
public sealed class OrderRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Theory]
    [InlineData("JPY", "100", 3, "100", "300")]
    [InlineData("KWD", "1.234", 3, "1.234", "3.702")]
    [InlineData("USD", "33.33", 3, "33.33", "99.99")]
    [InlineData("USD", "19.9", 7, "19.90", "139.30")]
    public async Task Totals_are_exact_with_the_currencys_minor_units(string currency, string unitPrice, int quantity, string shownUnitPrice, string total)
    {
        var order = await ApiAssert.SuccessAsync(
            await _client.CreateOrderAsync(TestIds.User(), currency, null, (7, quantity, unitPrice)), HttpStatusCode.Created);

        var item = order.GetProperty("items")[0];
        Assert.Equal(shownUnitPrice, item.Text("unit_price"));
        Assert.Equal(total, item.Text("total_price"));
        Assert.Equal(total, order.Text("total_amount"));
        Assert.Equal(currency, order.Text("currency"));
        Assert.Equal("pending", order.Text("status"));
    }

    [Fact]
    public async Task Several_lines_add_up_and_an_unpayable_price_or_a_bad_line_is_refused_by_field()
    {
        var user = TestIds.User();
        var order = await ApiAssert.SuccessAsync(
            await _client.CreateOrderAsync(user, "USD", null, (1, 3, "33.33"), (2, 1, "0.01"), (3, 2, "1000000.50")), HttpStatusCode.Created);
        Assert.Equal("2000101.00", order.Text("total_amount"));

        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "JPY", null, (1, 1, "10.5")), HttpStatusCode.BadRequest, "validation_error", "items[0].unit_price");
        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "KWD", null, (1, 1, "1"), (2, 1, "0.0001")), HttpStatusCode.BadRequest, "validation_error", "items[1].unit_price");
        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "USD", null, (0, 1, "1.00")), HttpStatusCode.BadRequest, "validation_error", "items[0].product_id");
        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 0, "1.00")), HttpStatusCode.BadRequest, "validation_error", "items[0].quantity");
        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "USD", null), HttpStatusCode.BadRequest, "validation_error", "items");
        await ApiAssert.ErrorAsync(
            await _client.PostJsonAsync("/orders", $$"""{"user_id": "{{user}}", "currency": "USD", "items": [{"product_id": 1, "quantity": 1, "unit_price": "1.00"}]}"""),
            HttpStatusCode.BadRequest, "validation_error", "shipping_address");
    }

    [Fact]
    public async Task Create_answers_201_with_location_a_unique_number_and_replays_by_idempotency_key()
    {
        var user = TestIds.User();
        var key = TestIds.Key();
        var first = await _client.CreateOrderAsync(user, "USD", key, (1, 2, "5.00"));
        var created = await ApiAssert.SuccessAsync(first, HttpStatusCode.Created);
        Assert.Equal($"/orders/{created.Text("id")}", first.Headers.Location?.OriginalString);

        var replay = await _client.CreateOrderAsync(user, "USD", key, (1, 2, "5.00"));
        Assert.Equal(created.Text("id"), (await ApiAssert.SuccessAsync(replay, HttpStatusCode.Created)).Text("id"));
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        await ApiAssert.ErrorAsync(await _client.CreateOrderAsync(user, "USD", key, (1, 3, "5.00")), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        var other = await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 2, "5.00")), HttpStatusCode.Created);
        Assert.NotEqual(created.Text("order_number"), other.Text("order_number"));
        Assert.StartsWith("ORD-", created.Text("order_number"));
        var read = await ApiAssert.SuccessAsync(await _client.GetAsync($"/orders/{created.Text("id")}"), HttpStatusCode.OK);
        Assert.Equal(created.Text("order_number"), read.Text("order_number"));
        await ApiAssert.ErrorAsync(await _client.GetAsync("/orders/ord_nothing"), HttpStatusCode.NotFound, "order_not_found", "id");
    }

    [Fact]
    public async Task An_order_is_paid_by_its_payment_moves_forward_and_a_full_refund_makes_it_refunded()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "500.00"), HttpStatusCode.OK);
        var order = await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 3, "33.33")), HttpStatusCode.Created);
        var orderId = order.Text("id");

        await ApiAssert.ErrorAsync(await _client.PayOrderAsync(user, orderId, "99.98"), HttpStatusCode.UnprocessableEntity, "order_amount_mismatch", "amount");
        await ApiAssert.ErrorAsync(await _client.PayOrderAsync(user, orderId, "99.99", "EUR"), HttpStatusCode.UnprocessableEntity, "order_amount_mismatch", "amount");
        await ApiAssert.ErrorAsync(await _client.PayOrderAsync(TestIds.User(), orderId, "99.99"), HttpStatusCode.NotFound, "order_not_found", "order_id");
        var payment = await ApiAssert.SuccessAsync(await _client.PayOrderAsync(user, orderId, "99.99"), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));

        var paid = await ApiAssert.SuccessAsync(await _client.GetAsync($"/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal("paid", paid.Text("status"));
        Assert.Equal(payment.Text("id"), paid.Text("payment_id"));
        await ApiAssert.ErrorAsync(await _client.PayOrderAsync(user, orderId, "99.99"), HttpStatusCode.Conflict, "order_not_payable", "order_id");
        await ApiAssert.ErrorAsync(await PutAsync(orderId, (1, 1, "1.00")), HttpStatusCode.Conflict, "order_not_modifiable");
        await ApiAssert.ErrorAsync(await _client.DeleteAsync($"/orders/{orderId}"), HttpStatusCode.Conflict, "order_not_modifiable");

        var processing = await ApiAssert.SuccessAsync(await StatusAsync(orderId, "processing"), HttpStatusCode.OK);
        Assert.Equal("processing", processing.Text("status"));
        await ApiAssert.SuccessAsync(await StatusAsync(orderId, "shipped"), HttpStatusCode.OK);
        await ApiAssert.ErrorAsync(await StatusAsync(orderId, "processing"), HttpStatusCode.Conflict, "order_status_not_allowed", "status");
        await ApiAssert.ErrorAsync(await StatusAsync(orderId, "paid"), HttpStatusCode.BadRequest, "validation_error", "status");

        await ApiAssert.SuccessAsync(await _client.RefundAsync(payment.Text("id"), """{"amount": "0.99"}"""), HttpStatusCode.Created);
        Assert.Equal("shipped", (await ApiAssert.SuccessAsync(await _client.GetAsync($"/orders/{orderId}"), HttpStatusCode.OK)).Text("status"));
        await ApiAssert.SuccessAsync(await _client.RefundAsync(payment.Text("id")), HttpStatusCode.Created);
        var refunded = await Eventually.UntilAsync(
            async () => (await ApiAssert.SuccessAsync(await _client.GetAsync($"/orders/{orderId}"), HttpStatusCode.OK)).Text("status"),
            status => status == "refunded", "the order to be refunded", TimeSpan.FromSeconds(10));
        Assert.Equal("refunded", refunded);
    }

    [Fact]
    public async Task A_pending_order_changes_and_is_cancelled_and_a_cancelled_one_cannot_be_paid()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "50.00"), HttpStatusCode.OK);
        var orderId = (await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 1, "10.00")), HttpStatusCode.Created)).Text("id");

        var changed = await ApiAssert.SuccessAsync(await PutAsync(orderId, (4, 2, "2.50"), (5, 1, "0.10")), HttpStatusCode.OK);
        Assert.Equal("5.10", changed.Text("total_amount"));
        Assert.Equal(2, changed.GetProperty("items").GetArrayLength());
        await ApiAssert.ErrorAsync(await PutAsync(orderId, (4, 1, "2.505")), HttpStatusCode.BadRequest, "validation_error", "items[0].unit_price");

        var cancelled = await ApiAssert.SuccessAsync(await _client.DeleteAsync($"/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Text("status"));
        await ApiAssert.SuccessAsync(await _client.DeleteAsync($"/orders/{orderId}"), HttpStatusCode.OK);
        await ApiAssert.ErrorAsync(await _client.PayOrderAsync(user, orderId, "5.10"), HttpStatusCode.Conflict, "order_not_payable", "order_id");
        await ApiAssert.ErrorAsync(await PutAsync(orderId, (4, 1, "1.00")), HttpStatusCode.Conflict, "order_not_modifiable");
        Assert.Equal(50.00m, (await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK)).Amount("balance"));
    }

    [Fact]
    public async Task Two_payments_racing_for_one_order_one_completes_and_the_other_is_refused_before_any_funds_are_reserved()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.00"), HttpStatusCode.OK);
        var orderId = (await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 1, "60.00")), HttpStatusCode.Created)).Text("id");

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _client.PayOrderAsync(user, orderId, "60.00")));

        // The winner answers 200 when it ends within the wait, else 202 (a loaded machine): either way it completes.
        var accepted = Assert.Single(responses, r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        var winner = (await ApiAssert.SuccessAsync(accepted, accepted.StatusCode)).Text("id");
        await Eventually.UntilAsync(
            async () => (await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(winner), HttpStatusCode.OK)).Text("status"),
            status => status == "completed", "the winning payment to complete", TimeSpan.FromSeconds(30));
        // In flight when it asked: order_already_paid; if the winner had already completed: order_not_payable (the order is paid).
        var body = await refused.Content.ReadAsStringAsync();
        var code = JsonDocument.Parse(body).RootElement.GetProperty("error").Text("code");
        await ApiAssert.ErrorAsync(new HttpResponseMessage(HttpStatusCode.Conflict) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") },
            HttpStatusCode.Conflict, code, "order_id");
        Assert.Contains(code, new[] { "order_already_paid", "order_not_payable" });
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal(40.00m, wallet.Amount("balance"));
        Assert.Equal(0m, wallet.Amount("reserved"));
        var ledger = await ApiAssert.SuccessAsync(await _client.GetAsync($"/wallets/{user}/ledger"), HttpStatusCode.OK);
        Assert.Single(ledger.GetProperty("items").EnumerateArray(), e => e.Text("type") == "reserve");
        Assert.Equal("paid", (await ApiAssert.SuccessAsync(await _client.GetAsync($"/orders/{orderId}"), HttpStatusCode.OK)).Text("status"));
    }

    private Task<HttpResponseMessage> PutAsync(string orderId, params (int ProductId, int Quantity, string UnitPrice)[] items)
    {
        var lines = string.Join(",", items.Select(i => $$"""{"product_id": {{i.ProductId}}, "quantity": {{i.Quantity}}, "unit_price": "{{i.UnitPrice}}"}"""));
        return _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/orders/{orderId}")
        {
            Content = new StringContent($$"""{"items": [{{lines}}], {{ApiCalls.AddressesJson}}}""", System.Text.Encoding.UTF8, "application/json"),
        });
    }

    private Task<HttpResponseMessage> StatusAsync(string orderId, string status) =>
        _client.PostJsonAsync($"/orders/{orderId}/status", JsonSerializer.Serialize(new { status }));
}
