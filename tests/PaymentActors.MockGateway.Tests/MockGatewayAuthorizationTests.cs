using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

/// <summary>The two-step payment at the mock gateway: authorize, then capture all or part, or void; and the hold's expiry.</summary>
public sealed class MockGatewayAuthorizationTests
{
    [Fact]
    public async Task Authorize_ThenCaptureInPart_TakesThatMuchOnceAndRefundsComeOutOfTheCapture()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var (status, authorized) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-1", "100.00"));
        var id = authorized.GetProperty("authorization_id").GetString()!;
        var (captureStatus, capture) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"cap-1","amount":"60.00"}""");
        var (_, replay) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"cap-1","amount":"60.00"}""");
        var (conflict, _) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"cap-1","amount":"61.00"}""");
        var (_, second) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"cap-2"}""");
        var (_, lateVoid) = await gateway.PostAsync($"authorizations/{id}/void", "{}");
        var (_, refund) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-1", "pay-1", "60.00"));
        var (_, tooMuch) = await gateway.PostAsync("refunds", RunningMockGateway.RefundJson("ref-2", "pay-1", "0.01"));
        var (_, view) = await gateway.GetAsync($"authorizations/{id}");

        Assert.Equal(200, status);
        Assert.Equal("approved", authorized.GetProperty("status").GetString());
        Assert.Equal("authorized", authorized.GetProperty("state").GetString());
        Assert.Equal(200, captureStatus);
        Assert.Equal(("approved", "60.00", "captured"), Settlement(capture));
        Assert.Equal(Settlement(capture), Settlement(replay));
        Assert.Equal(409, conflict);
        Assert.Equal(("declined", "authorization_captured"), (second.GetProperty("status").GetString(), second.GetProperty("reason").GetString()));
        Assert.Equal(("declined", "authorization_captured"), (lateVoid.GetProperty("status").GetString(), lateVoid.GetProperty("reason").GetString()));
        Assert.Equal("approved", refund.GetProperty("status").GetString());
        Assert.Equal("exceeds_refundable_amount", tooMuch.GetProperty("reason").GetString());
        Assert.Equal(("captured", "60.00", "60.00"), (view.GetProperty("state").GetString(), view.GetProperty("captured_amount").GetString(), view.GetProperty("refunded_amount").GetString()));
        var stats = await gateway.GetStatsAsync();
        Assert.Equal((1, 1, 0, 0), (stats.AuthorizationsApproved, stats.CapturesApproved, stats.ChargesApproved, stats.VoidsApproved));
    }

    [Fact]
    public async Task Capture_OverTheAuthorizedAmountOrDeclined_LeavesTheAuthorizationCapturable()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:CaptureFailRate=1");

        var id = await AuthorizeAsync(gateway, "pay-2", "10.00");
        var (_, over) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"c-over","amount":"10.01"}""");
        var (_, declined) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"c-declined"}""");
        await gateway.SetBehaviourAsync("""{"capture_fail_rate":0}""");
        var (_, approved) = await gateway.PostAsync($"authorizations/{id}/capture", """{"capture_id":"c-ok"}""");

        Assert.Equal(("declined", "exceeds_authorized_amount"), (over.GetProperty("status").GetString(), over.GetProperty("reason").GetString()));
        Assert.Equal(("declined", "capture_declined"), (declined.GetProperty("status").GetString(), declined.GetProperty("reason").GetString()));
        Assert.Equal(("approved", "10.00", "captured"), Settlement(approved));
        var stats = await gateway.GetStatsAsync();
        Assert.Equal((1, 2), (stats.CapturesApproved, stats.CapturesDeclined));
    }

    [Fact]
    public async Task Void_ReleasesTheHold_ThenCapturesAreDeclinedAndTheVoidReplays()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        var id = await AuthorizeAsync(gateway, "pay-3", "5.00");
        var (voidStatus, voided) = await gateway.PostAsync($"authorizations/{id}/void", "{}");
        var (_, again) = await gateway.PostAsync($"authorizations/{id}/void", "{}");
        var (_, capture) = await gateway.PostAsync($"authorizations/{id}/capture", "{}");
        var (unknown, _) = await gateway.PostAsync("authorizations/au_nope/void", "{}");

        Assert.Equal(200, voidStatus);
        Assert.Equal("approved", voided.GetProperty("status").GetString());
        Assert.Equal("voided", voided.GetProperty("state").GetString());
        Assert.Equal(voided.GetProperty("created_at").GetString(), again.GetProperty("created_at").GetString());
        Assert.Equal(("declined", "authorization_voided"), (capture.GetProperty("status").GetString(), capture.GetProperty("reason").GetString()));
        Assert.Equal(404, unknown);
        Assert.Equal(1, (await gateway.GetStatsAsync()).VoidsApproved);
    }

    [Fact]
    public async Task Authorization_LapsesAtItsOwnExpiry_OnTheGatewaysClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var gateway = await RunningMockGateway.StartAsync(clock, "Behaviour:AuthorizationTtlSeconds=3600");

        var (_, authorized) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-4", "7.00"));
        var id = authorized.GetProperty("authorization_id").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(59));
        var (_, stillHeld) = await gateway.GetAsync($"authorizations/{id}");
        clock.Advance(TimeSpan.FromMinutes(1));
        var (_, lapsed) = await gateway.GetAsync($"authorizations/{id}");
        var (_, capture) = await gateway.PostAsync($"authorizations/{id}/capture", "{}");
        var (_, voided) = await gateway.PostAsync($"authorizations/{id}/void", "{}");

        Assert.Equal(clock.Start.AddHours(1), authorized.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Equal("authorized", stillHeld.GetProperty("state").GetString());
        Assert.Equal("expired", lapsed.GetProperty("state").GetString());
        Assert.Equal(("declined", "authorization_expired"), (capture.GetProperty("status").GetString(), capture.GetProperty("reason").GetString()));
        Assert.Equal(("approved", "expired"), (voided.GetProperty("status").GetString(), voided.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Authorize_ResentWhileTheFirstIsProcessing_Is202ThenTheFirstOutcome_AndDeclinesFollowTheSeed()
    {
        // A generous latency, so that the re-send arrives while the first is processed even on a starved machine.
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:LatencyMinMs=3000", "Behaviour:LatencyMaxMs=3000");

        var first = gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-5"));
        await Eventually.UntilAsync(() => gateway.GetStatsAsync(), s => s.RequestsReceived == 1, "the first request to arrive");
        var (resentStatus, resent) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-5"));
        var (_, landed) = await first;
        await gateway.SetBehaviourAsync("""{"latency_min_ms":0,"latency_max_ms":0,"fail_rate":1}""");
        var (_, again) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-5"));
        var (_, declined) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-6"));
        var (conflict, _) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-5", "1.00"));

        Assert.Equal(202, resentStatus);
        Assert.Equal("processing", resent.GetProperty("status").GetString());
        Assert.Equal(landed.GetProperty("authorization_id").GetString(), again.GetProperty("authorization_id").GetString());
        Assert.Equal("approved", again.GetProperty("status").GetString());
        Assert.Equal(("declined", "declined"), (declined.GetProperty("status").GetString(), declined.GetProperty("state").GetString()));
        Assert.Equal(409, conflict);
        var stats = await gateway.GetStatsAsync();
        Assert.Equal((1, 1, 1, 1), (stats.AuthorizationsApproved, stats.AuthorizationsDeclined, stats.AuthorizationReplays, stats.AuthorizationsInProgress));
    }

    [Fact]
    public async Task Authorize_AnsweredAfterTheClientsTimeout_IsHeldAllTheSameAndAReSendGetsIt()
    {
        await using var gateway = await RunningMockGateway.StartAsync("Behaviour:TimeoutRate=1", "Behaviour:TimeoutHoldMs=60000");
        using var impatient = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            impatient.PostAsync("authorizations", RunningMockGateway.Json(RunningMockGateway.AuthorizationJson("pay-7"))));
        await gateway.SetBehaviourAsync("""{"timeout_rate":0}""");
        var (status, resent) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson("pay-7"));

        Assert.Equal(200, status);
        Assert.Equal("approved", resent.GetProperty("status").GetString());
        var stats = await gateway.GetStatsAsync();
        Assert.Equal((1, 1, 1), (stats.AuthorizationsApproved, stats.AuthorizationReplays, stats.HeldResponses));
    }

    [Fact]
    public async Task Outage_AnswersAuthorizationsCapturesAndVoids503NotProcessed_AndRecordsNothing()
    {
        await using var gateway = await RunningMockGateway.StartAsync();
        var id = await AuthorizeAsync(gateway, "pay-8", "3.00");
        await gateway.SetBehaviourAsync("""{"outage":true}""");

        using var authorize = await gateway.Client.PostAsync("authorizations", RunningMockGateway.Json(RunningMockGateway.AuthorizationJson("pay-9")));
        var (captureStatus, capture) = await gateway.PostAsync($"authorizations/{id}/capture", "{}");
        var (voidStatus, _) = await gateway.PostAsync($"authorizations/{id}/void", "{}");
        await gateway.SetBehaviourAsync("""{"outage":false}""");
        var (_, view) = await gateway.GetAsync($"authorizations/{id}");

        Assert.Equal(503, (int)authorize.StatusCode);
        Assert.Equal("true", Assert.Single(authorize.Headers.GetValues("Gateway-Not-Processed")));
        Assert.Equal((503, 503), (captureStatus, voidStatus));
        Assert.Equal("not_processed", capture.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("authorized", view.GetProperty("state").GetString());
        var stats = await gateway.GetStatsAsync();
        Assert.Equal((1, 0, 0), (stats.AuthorizationsApproved, stats.CapturesApproved + stats.CapturesDeclined, stats.VoidsApproved + stats.VoidsDeclined));
    }

    private static async Task<string> AuthorizeAsync(RunningMockGateway gateway, string paymentId, string amount)
    {
        var (status, body) = await gateway.PostAsync("authorizations", RunningMockGateway.AuthorizationJson(paymentId, amount));
        Assert.Equal(200, status);
        return body.GetProperty("authorization_id").GetString()!;
    }

    private static (string?, string?, string?) Settlement(JsonElement body) =>
        (body.GetProperty("status").GetString(), body.GetProperty("amount").GetString(), body.GetProperty("state").GetString());
}
