using System.Net;
using System.Text.Json;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>
/// What an operator does to someone's money or order names the operator (the token's sub) where readers look: the
/// wallet's ledger, the payment's events, the order's status history, and the operator audit log.
/// </summary>
[Collection(GatedWalletCollection.Name)]
public sealed class OperatorAttributionTests(GatedWalletApiFixture api)
{
    private const string Operator = "back-office-7";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_deposit_names_its_operator_on_the_ledger_entry_and_in_the_log()
    {
        var user = TestIds.User();
        using var backOffice = api.ClientWithToken(TestTokens.Operator(Operator));

        await ApiAssert.SuccessAsync(await backOffice.DepositAsync(user, "20.00"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "8.00", wait: true), HttpStatusCode.OK);

        var ledger = await LedgerAsync(user, entries => entries.Count == 3);
        var deposit = Assert.Single(ledger, e => e.Text("type") == "deposit");
        Assert.Equal(Operator, deposit.Text("actor"));
        Assert.All(ledger.Where(e => e.Text("type") != "deposit"), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("actor").ValueKind));
        Assert.Contains(api.AuditLog.Lines, line => line.StartsWith($"Operator {Operator} deposited 20.00 USD into wallet {user}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refund_names_its_operator_on_the_event_the_credit_and_in_the_log()
    {
        var user = TestIds.User();
        using var backOffice = api.ClientWithToken(TestTokens.Operator(Operator));
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "20.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "8.00", wait: true), HttpStatusCode.OK);
        var paymentId = payment.Text("id");

        await ApiAssert.SuccessAsync(await backOffice.RefundAsync(paymentId, """{"amount": "3.00"}"""), HttpStatusCode.Created);

        var events = await ApiAssert.SuccessAsync(await api.Client.GetAsync($"/payments/{paymentId}/events"), HttpStatusCode.OK);
        var refunded = Assert.Single(events.EnumerateArray(), e => e.Text("type") == "payment.refunded");
        Assert.Equal(Operator, refunded.Text("actor"));
        Assert.All(events.EnumerateArray().Where(e => e.Text("type") != "payment.refunded"), e => Assert.Null(e.GetProperty("actor").GetString()));
        var credit = Assert.Single(await LedgerAsync(user, entries => entries.Any(e => e.Text("type") == "credit")), e => e.Text("type") == "credit");
        Assert.Equal(Operator, credit.Text("actor"));
        Assert.Contains(api.AuditLog.Lines, line => line.StartsWith($"Operator {Operator} refunded payment {paymentId}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_event_retry_names_its_operator_on_the_event_and_in_the_log()
    {
        var user = TestIds.User();
        using var backOffice = api.ClientWithToken(TestTokens.Operator(Operator));
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        api.Gate.MakeUnreachable(user);
        string paymentId;
        try
        {
            var failed = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "3.00", wait: true), HttpStatusCode.OK);
            Assert.Equal("wallet_unavailable", failed.Text("failure_reason"));
            paymentId = failed.Text("id");
        }
        finally
        {
            api.Gate.MakeReachable(user);
        }

        var recorded = await Eventually.UntilAsync(
            async () => (await ApiAssert.SuccessAsync(await api.Client.GetAsync("/failed-events?limit=100"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().FirstOrDefault(e => e.Text("payment_id") == paymentId),
            e => e.ValueKind == JsonValueKind.Object,
            $"the failed event of {paymentId}",
            Timeout);

        await ApiAssert.SuccessAsync(await backOffice.PostAsync($"/failed-events/{recorded.Text("id")}/retry", content: null), HttpStatusCode.Accepted);

        var events = await ApiAssert.SuccessAsync(await api.Client.GetAsync($"/payments/{paymentId}/events"), HttpStatusCode.OK);
        Assert.Equal(Operator, Assert.Single(events.EnumerateArray(), e => e.Text("type") == "payment.retried").Text("actor"));
        Assert.Contains(api.AuditLog.Lines, line => line == $"Operator {Operator} retried failed event {recorded.Text("id")}: Retried");
    }

    [Fact]
    public async Task An_order_status_change_names_its_operator_in_the_status_history_and_in_the_log()
    {
        var user = TestIds.User();
        using var owner = api.ClientFor(user);
        using var backOffice = api.ClientWithToken(TestTokens.Operator(Operator));
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "50.00"), HttpStatusCode.OK);
        var orderId = (await ApiAssert.SuccessAsync(await owner.CreateOrderAsync(user, "USD", null, (1, 2, "5.00")), HttpStatusCode.Created)).Text("id");
        await ApiAssert.SuccessAsync(await owner.PayOrderAsync(user, orderId, "10.00"), HttpStatusCode.OK);

        await ApiAssert.SuccessAsync(await MoveAsync(backOffice, orderId, "processing"), HttpStatusCode.OK);
        var shipped = await ApiAssert.SuccessAsync(await MoveAsync(backOffice, orderId, "shipped"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await MoveAsync(backOffice, orderId, "shipped"), HttpStatusCode.OK);
        await ApiAssert.ErrorAsync(await MoveAsync(backOffice, orderId, "processing"), HttpStatusCode.Conflict, "order_status_not_allowed", "status");

        // Oldest first: the owner created it, its payment paid it (no actor), the operator moved it twice; no-ops add nothing.
        var history = shipped.GetProperty("status_history").EnumerateArray().ToList();
        Assert.Equal(["pending", "paid", "processing", "shipped"], history.Select(h => h.Text("status")));
        Assert.Equal([user, null, Operator, Operator], history.Select(h => h.GetProperty("actor").GetString()));
        Assert.Equal(history.Select(h => h.GetProperty("at").GetDateTime()).Order(), history.Select(h => h.GetProperty("at").GetDateTime()));
        var read = await ApiAssert.SuccessAsync(await owner.GetAsync($"/orders/{orderId}"), HttpStatusCode.OK);
        Assert.Equal(shipped.GetProperty("status_history").GetRawText(), read.GetProperty("status_history").GetRawText());

        Assert.Contains($"Operator {Operator} moved order {orderId} from paid to processing: Done", api.AuditLog.Lines);
        Assert.Contains($"Operator {Operator} moved order {orderId} from processing to shipped: Done", api.AuditLog.Lines);
        Assert.Contains($"Operator {Operator} moved order {orderId} from shipped to shipped: Unchanged", api.AuditLog.Lines);
        Assert.Contains($"Operator {Operator} moved order {orderId} from shipped to processing: InvalidTransition", api.AuditLog.Lines);
    }

    [Fact]
    public async Task A_cancel_names_who_cancelled_and_an_operators_cancel_is_logged()
    {
        var user = TestIds.User();
        using var owner = api.ClientFor(user);
        using var backOffice = api.ClientWithToken(TestTokens.Operator(Operator));
        var own = (await ApiAssert.SuccessAsync(await owner.CreateOrderAsync(user, "USD", null, (1, 1, "5.00")), HttpStatusCode.Created)).Text("id");
        var forUser = (await ApiAssert.SuccessAsync(await backOffice.CreateOrderAsync(user, "USD", null, (1, 1, "5.00")), HttpStatusCode.Created)).Text("id");

        var cancelledByOwner = await ApiAssert.SuccessAsync(await owner.DeleteAsync($"/orders/{own}"), HttpStatusCode.OK);
        var cancelledByOperator = await ApiAssert.SuccessAsync(await backOffice.DeleteAsync($"/orders/{forUser}"), HttpStatusCode.OK);

        Assert.Equal([("pending", user), ("cancelled", user)], HistoryOf(cancelledByOwner));
        Assert.Equal([("pending", Operator), ("cancelled", Operator)], HistoryOf(cancelledByOperator));
        Assert.Contains($"Operator {Operator} moved order {forUser} from pending to cancelled: Done", api.AuditLog.Lines);
        Assert.DoesNotContain(api.AuditLog.Lines, line => line.Contains(own, StringComparison.Ordinal));
    }

    private static List<(string Status, string Actor)> HistoryOf(JsonElement order) =>
        [.. order.GetProperty("status_history").EnumerateArray().Select(h => (h.Text("status"), h.Text("actor")))];

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string orderId, string status) =>
        client.PostJsonAsync($"/orders/{orderId}/status", JsonSerializer.Serialize(new { status }));

    /// <summary>The wallet's ledger (durable entries, newest first) once <paramref name="done"/> holds for it.</summary>
    private Task<List<JsonElement>> LedgerAsync(string user, Func<List<JsonElement>, bool> done) =>
        Eventually.UntilAsync(
            async () => (await ApiAssert.SuccessAsync(await api.Client.GetAsync($"/wallets/{user}/ledger"), HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray().ToList(),
            done,
            $"the ledger of {user}",
            Timeout);
}
