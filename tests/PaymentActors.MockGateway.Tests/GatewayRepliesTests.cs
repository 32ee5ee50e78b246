using System.Net;
using System.Text;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http;
using PaymentActors.Gateway.Http.Contracts;

namespace PaymentActors.MockGateway.Tests;

/// <summary>The answers the mock never gives (500, 504, garbage): classified from hand-made responses.</summary>
public sealed class GatewayRepliesTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, false, GatewayStatus.Unknown, "http_500")]
    [InlineData(HttpStatusCode.GatewayTimeout, false, GatewayStatus.Unknown, "http_504")]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, GatewayStatus.Unavailable, GatewayFailureReasons.GatewayUnavailable)]
    [InlineData(HttpStatusCode.BadGateway, false, GatewayStatus.Unavailable, GatewayFailureReasons.GatewayUnavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true, GatewayStatus.Unknown, GatewayFailureReasons.UnansweredEarlierAttempt)]
    [InlineData(HttpStatusCode.TooManyRequests, false, GatewayStatus.Unavailable, "http_429")]
    [InlineData(HttpStatusCode.NotFound, false, GatewayStatus.Unavailable, "http_404")]
    public async Task Charge_WithoutAVerdict_IsUnknownOnlyWhenItMayHaveBeenProcessed(
        HttpStatusCode status, bool earlierAttemptUnanswered, GatewayStatus expected, string reason)
    {
        using var response = new HttpResponseMessage(status);

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.Charge, response, earlierAttemptUnanswered, CancellationToken.None);

        Assert.Equal(expected, answer.Status);
        Assert.Equal(reason, answer.Reason);
    }

    [Fact]
    public async Task Refund_of_a_charge_still_being_processed_has_no_verdict_yet()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = new StringContent("""{"refund_id":"void_p","payment_id":"p","status":"processing"}""", Encoding.UTF8, "application/json"),
        };

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.Refund, response, earlierAttemptUnanswered: false, CancellationToken.None);

        Assert.Equal(GatewayStatus.Unknown, answer.Status);
        Assert.Equal(GatewayFailureReasons.InProgress, answer.Reason);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task GetCharge_WithoutAVerdict_IsUnavailable(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.GetCharge, response, earlierAttemptUnanswered: true, CancellationToken.None);

        Assert.Equal(GatewayStatus.Unavailable, answer.Status);
    }

    [Fact]
    public async Task Charge_UnreadableOkBody_IsUnknown()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>", Encoding.UTF8, "application/json") };

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.Charge, response, false, CancellationToken.None);

        Assert.Equal(GatewayStatus.Unknown, answer.Status);
        Assert.Equal(GatewayFailureReasons.UnreadableResponse, answer.Reason);
    }

    [Fact]
    public async Task Charge_RefusedAsInvalid_IsDeclinedWithTheGatewaysCode()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"success":false,"error":{"code":"invalid_field","message":"m","field":"amount"}}""", Encoding.UTF8, "application/json"),
        };

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.Charge, response, false, CancellationToken.None);

        Assert.Equal(GatewayStatus.Declined, answer.Status);
        Assert.Equal("invalid_field", answer.Reason);
    }
}
