using System.Net;
using System.Text.Json;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>GET /payments, /orders and /transactions: newest first, a stable cursor, filters, bounds and who may list.</summary>
public sealed class ListRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public Task Twenty_five_payments_read_ten_at_a_time_are_three_pages_without_duplicates_or_gaps_while_new_ones_arrive() =>
        ListPaging.TwentyFivePaymentsInThreePagesAsync(_client);

    [Fact]
    public async Task Payments_filter_by_status_order_and_creation_time()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.00"), HttpStatusCode.OK);
        var refunded = await ListPaging.PayAsync(_client, user, "10.00");
        var partly = await ListPaging.PayAsync(_client, user, "10.00");
        var completed = await ListPaging.PayAsync(_client, user, "10.00");
        var declined = await ListPaging.PayAsync(_client, user, "500.00");
        Assert.Equal("insufficient_funds", declined.Text("failure_reason"));
        var order = await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 3, "3.33")), HttpStatusCode.Created);
        var forOrder = await ApiAssert.SuccessAsync(await _client.PayOrderAsync(user, order.Text("id"), "9.99"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await _client.RefundAsync(refunded.Text("id")), HttpStatusCode.Created);
        await ApiAssert.SuccessAsync(await _client.RefundAsync(partly.Text("id"), """{"amount": "1.00"}"""), HttpStatusCode.Created);

        async Task<List<string>> IdsAsync(string query) => await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}&{query}");

        Assert.Equal([forOrder.Text("id"), completed.Text("id")], await IdsAsync("status=completed"));
        Assert.Equal([refunded.Text("id")], await IdsAsync("status=refunded"));
        Assert.Equal([partly.Text("id")], await IdsAsync("status=partially_refunded"));
        Assert.Equal([declined.Text("id")], await IdsAsync("status=failed"));
        Assert.Empty(await IdsAsync("status=pending"));
        Assert.Equal([forOrder.Text("id")], await IdsAsync($"order_id={order.Text("id")}"));

        // created_after is inclusive, created_before exclusive: the two split the list at a payment.
        var at = Uri.EscapeDataString(completed.GetProperty("created_at").GetDateTime().ToString("O"));
        Assert.Equal([forOrder.Text("id"), declined.Text("id"), completed.Text("id")], await IdsAsync($"created_after={at}"));
        Assert.Equal([partly.Text("id"), refunded.Text("id")], await IdsAsync($"created_before={at}"));
        Assert.Equal([completed.Text("id")], await IdsAsync($"created_after={at}&status=completed&created_before={Uri.EscapeDataString(declined.GetProperty("created_at").GetDateTime().ToString("O"))}"));

        // Each item is the payment as GET /payments/{id} shows it.
        var item = (await ListPaging.PageAsync(_client, $"/payments?user_id={user}&status=partially_refunded")).Items.Single();
        Assert.Equal("1.00", item.Text("refunded_amount"));
        Assert.Equal("10.00", item.Text("amount"));
    }

    [Fact]
    public async Task A_payment_without_a_wallet_is_listed_and_the_wallet_still_does_not_exist()
    {
        var user = TestIds.User();
        var failed = await ListPaging.PayAsync(_client, user, "1.00");
        Assert.Equal("wallet_not_found", failed.Text("failure_reason"));

        Assert.Equal([failed.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}"));
        await ApiAssert.ErrorAsync(await _client.GetWalletAsync(user), HttpStatusCode.NotFound, "wallet_not_found");

        // The partition its row lives in does not stand in the way of the wallet's first deposit.
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "5.00"), HttpStatusCode.OK);
        var paid = await ListPaging.PayAsync(_client, user, "1.00");
        Assert.Equal("completed", paid.Text("status"));
        Assert.Equal([paid.Text("id"), failed.Text("id")], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={user}"));
        var none = await ListPaging.PageAsync(_client, $"/payments?user_id={TestIds.User()}");
        Assert.Empty(none.Items);
        Assert.False(none.HasMore);
    }

    [Fact]
    public async Task Bad_paging_and_filters_are_validation_errors_naming_the_parameter()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "1.00");
        var (otherUser, otherPayment) = await _client.CompletedPaymentAsync("10.00", "1.00");
        var cases = new (string Query, string Field)[]
        {
            ("/payments", "user_id"),
            ("/payments?user_id=a%20b", "user_id"),
            ($"/payments?user_id={user}&limit=0", "limit"),
            ($"/payments?user_id={user}&limit=101", "limit"),
            ($"/payments?user_id={user}&limit=ten", "limit"),
            ($"/payments?user_id={user}&status=done", "status"),
            ($"/payments?user_id={user}&order_id=a%2Fb", "order_id"),
            ($"/payments?user_id={user}&created_after=yesterday", "created_after"),
            ($"/payments?user_id={user}&created_before=2026-01-01T00:00:00", "created_before"),
            ($"/payments?user_id={user}&starting_after=pay_unknown", "starting_after"),
            ($"/payments?user_id={user}&starting_after={otherPayment}", "starting_after"),
            ("/orders", "user_id"),
            ($"/orders?user_id={user}&status=completed", "status"),
            ($"/orders?user_id={user}&limit=1000", "limit"),
            ($"/orders?user_id={user}&starting_after={paymentId}", "starting_after"),
            ("/transactions", "payment_id"),
            ($"/transactions?payment_id={paymentId}&type=payout", "type"),
            ($"/transactions?payment_id={paymentId}&limit=0", "limit"),
            ($"/transactions?payment_id={paymentId}&starting_after=txn.refund.9.{paymentId}", "starting_after"),
        };
        foreach (var (query, field) in cases)
        {
            await ApiAssert.ErrorAsync(await _client.GetAsync(query), HttpStatusCode.BadRequest, "validation_error", field);
        }

        await ApiAssert.ErrorAsync(await _client.GetAsync("/transactions?payment_id=pay_unknown"), HttpStatusCode.NotFound, "payment_not_found", "payment_id");

        // The bounds themselves are fine; no limit is 20.
        Assert.Single((await ListPaging.PageAsync(_client, $"/payments?user_id={user}&limit=1")).Items);
        Assert.Single((await ListPaging.PageAsync(_client, $"/payments?user_id={user}&limit=100")).Items);
        for (var i = 0; i < 21; i++)
        {
            await ListPaging.PayAsync(_client, otherUser, "0.01");
        }

        var defaultPage = await ListPaging.PageAsync(_client, $"/payments?user_id={otherUser}");
        Assert.Equal(20, defaultPage.Items.Count);
        Assert.True(defaultPage.HasMore);
    }

    [Fact]
    public async Task Users_list_only_their_own_and_operators_anyones()
    {
        var (alice, alicePayment) = await _client.CompletedPaymentAsync("10.00", "1.00");
        var (bob, bobPayment) = await _client.CompletedPaymentAsync("10.00", "2.00");
        using var asAlice = api.ClientFor(alice);

        Assert.Equal([alicePayment], await ListPaging.AllIdsAsync(asAlice, $"/payments?user_id={alice}"));
        Assert.Empty(await ListPaging.AllIdsAsync(asAlice, $"/orders?user_id={alice}"));
        Assert.Single(await ListPaging.AllIdsAsync(asAlice, $"/transactions?payment_id={alicePayment}"));
        await ApiAssert.ErrorAsync(await asAlice.GetAsync($"/payments?user_id={bob}"), HttpStatusCode.Forbidden, "forbidden", "user_id");
        await ApiAssert.ErrorAsync(await asAlice.GetAsync($"/orders?user_id={bob}"), HttpStatusCode.Forbidden, "forbidden", "user_id");
        await ApiAssert.ErrorAsync(await asAlice.GetAsync($"/transactions?payment_id={bobPayment}"), HttpStatusCode.NotFound, "payment_not_found");

        Assert.Equal([bobPayment], await ListPaging.AllIdsAsync(_client, $"/payments?user_id={bob}"));
    }

    [Fact]
    public async Task Orders_page_newest_first_and_filter_by_status_as_their_payments_end()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "100.00"), HttpStatusCode.OK);
        var orders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            orders.Add((await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 1, "5.00")), HttpStatusCode.Created)).Text("id"));
        }

        await ApiAssert.SuccessAsync(await _client.PayOrderAsync(user, orders[1], "5.00"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/orders/{orders[2]}")), HttpStatusCode.OK);

        var newestFirst = Enumerable.Reverse(orders).ToList();
        var first = await ListPaging.PageAsync(_client, $"/orders?user_id={user}&limit=3");
        Assert.Equal(newestFirst.Take(3), first.Items.Select(o => o.Text("id")));
        Assert.Equal(newestFirst, await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&limit=3"));
        Assert.Equal([orders[1]], await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=paid"));
        Assert.Equal([orders[2]], await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=cancelled"));
        Assert.Equal([orders[3], orders[0]], await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=pending"));
        Assert.Equal("5.00", first.Items[0].Text("total_amount"));
    }

    [Fact]
    public async Task An_order_refunded_after_an_operator_moved_it_is_listed_as_refunded_without_being_read_first()
    {
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await _client.DepositAsync(user, "20.00"), HttpStatusCode.OK);
        var order = (await ApiAssert.SuccessAsync(await _client.CreateOrderAsync(user, "USD", null, (1, 2, "5.00")), HttpStatusCode.Created)).Text("id");
        var payment = await ApiAssert.SuccessAsync(await _client.PayOrderAsync(user, order, "10.00"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await _client.PostJsonAsync($"/orders/{order}/status", """{"status": "processing"}"""), HttpStatusCode.OK);

        // The full refund changes the order's status through its payment; nobody reads the order before listing.
        await ApiAssert.SuccessAsync(await _client.RefundAsync(payment.Text("id")), HttpStatusCode.Created);

        await Eventually.UntilAsync(
            () => ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=refunded"),
            ids => ids.SequenceEqual([order]),
            "the refunded order to be listed under refunded");
        Assert.Empty(await ListPaging.AllIdsAsync(_client, $"/orders?user_id={user}&status=processing"));
    }

    [Fact]
    public async Task Transactions_of_a_payment_with_partial_refunds_page_newest_first_and_filter_by_type()
    {
        var (_, paymentId) = await _client.CompletedPaymentAsync("50.00", "30.00");
        await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "5.00"}"""), HttpStatusCode.Created);
        await ApiAssert.SuccessAsync(await _client.RefundAsync(paymentId, """{"amount": "7.50"}"""), HttpStatusCode.Created);

        var path = $"/transactions?payment_id={paymentId}&limit=2";
        var first = await ListPaging.PageAsync(_client, path);
        Assert.True(first.HasMore);
        var second = await ListPaging.PageAsync(_client, path, first.Next);
        Assert.False(second.HasMore);
        var all = first.Items.Concat(second.Items).ToList();
        Assert.Equal(
            [$"txn.refund.2.{paymentId}", $"txn.refund.1.{paymentId}", $"txn.charge.1.{paymentId}"],
            all.Select(t => t.Text("id")));
        Assert.Equal(["7.50", "5.00", "30.00"], all.Select(t => t.Text("amount")));

        var refunds = await ListPaging.AllIdsAsync(_client, $"/transactions?payment_id={paymentId}&type=refund");
        Assert.Equal([$"txn.refund.2.{paymentId}", $"txn.refund.1.{paymentId}"], refunds);
        Assert.Empty(await ListPaging.AllIdsAsync(_client, $"/transactions?payment_id={paymentId}&type=void"));
    }
}
