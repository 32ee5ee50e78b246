using System.Net;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>What an operator does to someone's money names the operator (the token's sub) in the logs and on the events.</summary>
public sealed class OperatorAttributionTests(AuditedApiFixture api) : IClassFixture<AuditedApiFixture>
{
    [Fact]
    public async Task Deposits_and_refunds_name_the_operator_who_made_them()
    {
        var user = TestIds.User();
        using var backOffice = api.ClientWithToken(TestTokens.Operator("back-office-7"));

        await ApiAssert.SuccessAsync(await backOffice.DepositAsync(user, "20.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "8.00", wait: true), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await backOffice.RefundAsync(payment.Text("id"), """{"amount": "3.00"}"""), HttpStatusCode.Created);

        var events = await ApiAssert.SuccessAsync(await api.Client.GetAsync($"/payments/{payment.Text("id")}/events"), HttpStatusCode.OK);
        var refunded = Assert.Single(events.EnumerateArray(), e => e.Text("type") == "payment.refunded");
        Assert.Equal("back-office-7", refunded.Text("actor"));
        Assert.All(events.EnumerateArray().Where(e => e.Text("type") != "payment.refunded"), e => Assert.Null(e.GetProperty("actor").GetString()));
        Assert.Contains(api.AuditLog.Lines, line => line.StartsWith("Operator back-office-7 deposited 20.00 USD into wallet " + user, StringComparison.Ordinal));
        Assert.Contains(api.AuditLog.Lines, line => line.StartsWith($"Operator back-office-7 refunded payment {payment.Text("id")}", StringComparison.Ordinal));
    }
}
