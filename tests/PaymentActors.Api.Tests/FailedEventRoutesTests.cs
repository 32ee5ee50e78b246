using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

public sealed class FailedEventRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_payment_without_funds_is_recorded_as_a_failed_event_that_cannot_be_retried()
    {
        var paymentId = await FailedPaymentAsync();

        var listed = await FailedEventOfAsync(paymentId);
        var read = await ApiAssert.SuccessAsync(await _client.GetAsync($"/failed-events/{listed.Text("id")}"), HttpStatusCode.OK);

        Assert.StartsWith("fe_", read.Text("id"));
        Assert.Equal("payment.failed", read.Text("event_type"));
        Assert.Equal(paymentId, read.Text("payment_id"));
        Assert.Equal("insufficient_funds", read.Text("error_message"));
        Assert.Equal("failed", read.Text("status"));
        Assert.Equal(0, read.GetProperty("retry_count").GetInt32());
        Assert.False(string.IsNullOrEmpty(read.Text("source")));
        var original = read.GetProperty("original_event");
        Assert.Equal(JsonValueKind.Object, original.ValueKind);
        Assert.Equal(paymentId, original.Text("payment_id"));
        Assert.Equal("payment.failed", original.Text("type"));
        Assert.Equal("2.00", original.Text("amount"));
        Assert.Equal("USD", original.Text("currency"));
        Assert.True(read.GetProperty("created_at").GetDateTimeOffset() <= read.GetProperty("updated_at").GetDateTimeOffset());

        await ApiAssert.ErrorAsync(
            await _client.PostAsync($"/failed-events/{read.Text("id")}/retry", content: null), HttpStatusCode.Conflict, "failed_event_not_retryable");
        var after = await ApiAssert.SuccessAsync(await _client.GetAsync($"/failed-events/{read.Text("id")}"), HttpStatusCode.OK);
        Assert.Equal("failed", after.Text("status"));
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("failed", payment.Text("status"));
    }

    [Fact]
    public async Task Pages_go_from_newest_to_oldest_without_overlap()
    {
        var older = await FailedPaymentAsync();
        var newer = await FailedPaymentAsync();
        var newerEvent = await FailedEventOfAsync(newer);
        var olderEvent = await FailedEventOfAsync(older);

        var firstPage = await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?status=failed&limit=1"), HttpStatusCode.OK);
        var first = Assert.Single(firstPage.GetProperty("items").EnumerateArray());
        Assert.True(firstPage.GetProperty("has_more").GetBoolean());
        Assert.Equal(first.Text("id"), firstPage.Text("next_starting_after"));

        var next = await ApiAssert.SuccessAsync(
            await _client.GetAsync($"/failed-events?status=failed&limit=1&starting_after={first.Text("id")}"), HttpStatusCode.OK);
        var second = Assert.Single(next.GetProperty("items").EnumerateArray());
        Assert.True(string.CompareOrdinal(second.Text("id"), first.Text("id")) < 0);

        var afterNewer = await ApiAssert.SuccessAsync(
            await _client.GetAsync($"/failed-events?limit=100&starting_after={newerEvent.Text("id")}"), HttpStatusCode.OK);
        var ids = afterNewer.GetProperty("items").EnumerateArray().Select(e => e.Text("id")).ToList();
        Assert.DoesNotContain(newerEvent.Text("id"), ids);
        Assert.Contains(olderEvent.Text("id"), ids);
        Assert.Equal(ids.OrderByDescending(id => id, StringComparer.Ordinal), ids);
        var none = await ApiAssert.SuccessAsync(await _client.GetAsync("/failed-events?status=resolved&limit=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), e => e.Text("payment_id") == older || e.Text("payment_id") == newer);
        Assert.True(none.TryGetProperty("next_starting_after", out _));
    }

    [Fact]
    public async Task Unknown_failed_events_are_404()
    {
        var id = "fe_" + Guid.NewGuid().ToString("N");

        await ApiAssert.ErrorAsync(await _client.GetAsync($"/failed-events/{id}"), HttpStatusCode.NotFound, "failed_event_not_found", "id");
        await ApiAssert.ErrorAsync(await _client.PostAsync($"/failed-events/{id}/retry", content: null), HttpStatusCode.NotFound, "failed_event_not_found", "id");
    }

    [Theory]
    [InlineData("status=broken", "status")]
    [InlineData("status=FAILED", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("starting_after=", "starting_after")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string field)
    {
        await ApiAssert.ErrorAsync(await _client.GetAsync($"/failed-events?{query}"), HttpStatusCode.BadRequest, "validation_error", field);
    }

    /// <summary>A payment that fails for lack of funds: a business failure, recorded asynchronously by the failure recorder.</summary>
    private async Task<string> FailedPaymentAsync()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "1.00");
        var payment = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "2.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("insufficient_funds", payment.Text("failure_reason"));
        return payment.Text("id");
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
