using System.Net;

namespace PaymentActors.Api.Tests;

public sealed class CancelRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task A_completed_payment_cannot_be_cancelled()
    {
        var (user, paymentId) = await _client.CompletedPaymentAsync("10.00", "4.00");

        var error = await ApiAssert.ErrorAsync(await _client.CancelAsync(paymentId), HttpStatusCode.Conflict, "payment_not_cancellable");

        Assert.Contains("completed", error.Text("message"));
        var payment = await ApiAssert.SuccessAsync(await _client.GetPaymentAsync(paymentId), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
        var wallet = await ApiAssert.SuccessAsync(await _client.GetWalletAsync(user), HttpStatusCode.OK);
        Assert.Equal("6.00", wallet.Text("balance"));
    }

    [Fact]
    public async Task A_failed_payment_cannot_be_cancelled()
    {
        var user = TestIds.User();
        await _client.DepositAsync(user, "1.00");
        var failed = await ApiAssert.SuccessAsync(await _client.CreatePaymentAsync(user, "2.00", wait: true), HttpStatusCode.OK);

        await ApiAssert.ErrorAsync(await _client.CancelAsync(failed.Text("id")), HttpStatusCode.Conflict, "payment_not_cancellable");
    }

    [Fact]
    public async Task Cancelling_an_unknown_payment_is_404()
    {
        await ApiAssert.ErrorAsync(await _client.CancelAsync("pay_" + Guid.NewGuid().ToString("N")), HttpStatusCode.NotFound, "payment_not_found", "id");
    }
}
