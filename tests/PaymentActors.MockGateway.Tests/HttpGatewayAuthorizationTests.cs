using System.Net;
using System.Text;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http;
using PaymentActors.Gateway.Http.Contracts;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

/// <summary>The HTTP client's two-step payment, and how it tells a provable non-charge from an unknown outcome.</summary>
public sealed class HttpGatewayAuthorizationTests
{
    [Fact]
    public async Task Authorize_CaptureInPart_AndVoid_CarryTheGatewaysReferencesAndExpiry()
    {
        await using var server = await RunningMockGateway.StartAsync();
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress);

        var held = await adapter.Gateway.AuthorizeAsync(new AuthorizeRequest("pay-h", "user-1", TestMoney.Usd("40.00")), CancellationToken.None);
        var captured = await adapter.Gateway.CaptureAsync(new CaptureRequest("cap-h", held.GatewayReference!, "pay-h", TestMoney.Usd("25.00")), CancellationToken.None);
        var other = await adapter.Gateway.AuthorizeAsync(new AuthorizeRequest("pay-v", "user-1", TestMoney.Usd("5.00")), CancellationToken.None);
        var voided = await adapter.Gateway.VoidAsync(new VoidAuthorizationRequest(other.GatewayReference!, "pay-v"), CancellationToken.None);
        var voidOfCaptured = await adapter.Gateway.VoidAsync(new VoidAuthorizationRequest(held.GatewayReference!, "pay-h"), CancellationToken.None);
        var unknown = await adapter.Gateway.CaptureAsync(new CaptureRequest("cap-x", "au_missing", "pay-x"), CancellationToken.None);
        var (_, stored) = await server.GetAsync($"authorizations/{held.GatewayReference}");

        Assert.Equal(GatewayStatus.Approved, held.Status);
        Assert.StartsWith("au_", held.GatewayReference, StringComparison.Ordinal);
        Assert.Equal(stored.GetProperty("expires_at").GetDateTimeOffset(), held.ExpiresAt);
        Assert.Equal((GatewayStatus.Approved, "cap-h"), (captured.Status, captured.GatewayReference));
        Assert.Equal("25.00", stored.GetProperty("captured_amount").GetString());
        Assert.Equal(GatewayStatus.Approved, voided.Status);
        Assert.Equal((GatewayStatus.Declined, "authorization_captured"), (voidOfCaptured.Status, voidOfCaptured.Reason));
        Assert.Equal((GatewayStatus.Declined, GatewayReplies.AuthorizationNotFound), (unknown.Status, unknown.Reason));
    }

    [Fact]
    public async Task Outage_OpenBreaker_AndRefusedConnection_AreProvablyNotProcessed_ATimeoutIsNot()
    {
        await using var server = await RunningMockGateway.StartAsync("Behaviour:Outage=true");
        await using var adapter = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.MaxRetryAttempts = 1;
            options.BreakerMinimumThroughput = 2;
            options.BreakerFailureRatio = 1;
        });
        await using var nobody = new GatewayAdapterHarness(new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/"), options => options.MaxRetryAttempts = 1);

        var outage = await adapter.Gateway.AuthorizeAsync(new AuthorizeRequest("pay-o", "user-1", TestMoney.Usd("1.00")), CancellationToken.None);
        var refused = await adapter.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-o2"), CancellationToken.None);
        var refusedConnection = await nobody.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-c"), CancellationToken.None);
        await server.SetBehaviourAsync("""{"outage":false,"timeout_rate":1,"timeout_hold_ms":60000}""");
        await using var impatient = new GatewayAdapterHarness(server.BaseAddress, options =>
        {
            options.MaxRetryAttempts = 0;
            options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });
        var timedOut = await impatient.Gateway.ChargeAsync(GatewayAdapterHarness.Charge("pay-t"), CancellationToken.None);

        Assert.Equal((GatewayStatus.Unavailable, true), (outage.Status, outage.NotProcessed));
        Assert.Equal((GatewayStatus.CircuitOpen, true), (refused.Status, refused.NotProcessed));
        Assert.Equal((GatewayStatus.Unavailable, GatewayFailureReasons.ConnectionFailed, true), (refusedConnection.Status, refusedConnection.Reason, refusedConnection.NotProcessed));
        Assert.Equal((GatewayStatus.Unknown, false), (timedOut.Status, timedOut.NotProcessed));
    }

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, false, false, false)]
    [InlineData(true, true, false, false)]
    [InlineData(true, false, true, false)]
    public async Task A503_IsNotProcessed_OnlyWhenItSaysSo_AndNoEarlierAttemptLeftItOpen(
        bool saysNotProcessed, bool earlierUnanswered, bool earlierUnproven, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("""{"success":false,"error":{"code":"not_processed","message":"m","field":null}}""", Encoding.UTF8, "application/json"),
        };
        if (saysNotProcessed)
        {
            response.Headers.Add("Gateway-Not-Processed", "true");
        }

        var answer = await GatewayReplies.ReadAsync(GatewayOperation.Capture, response, earlierUnanswered, earlierUnproven, CancellationToken.None);

        Assert.Equal(expected, answer.NotProcessed);
    }
}
