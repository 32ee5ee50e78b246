namespace PaymentActors.MockGateway.Diagnostics;

/// <summary>Counters of what the gateway saw and answered, for tests and demos (<c>GET /admin/stats</c>).</summary>
public sealed class GatewayStats
{
    private long _requestsReceived;
    private long _chargesApproved;
    private long _chargesDeclined;
    private long _chargeReplays;
    private long _chargeLookups;
    private long _chargesInProgress;
    private long _refundsApproved;
    private long _refundsDeclined;
    private long _refundReplays;
    private long _unavailableResponses;
    private long _heldResponses;
    private long _rejectedRequests;
    private long _authorizationsApproved;
    private long _authorizationsDeclined;
    private long _authorizationReplays;
    private long _authorizationsInProgress;
    private long _capturesApproved;
    private long _capturesDeclined;
    private long _voidsApproved;
    private long _voidsDeclined;

    public void RequestReceived() => Interlocked.Increment(ref _requestsReceived);

    public void ChargeApproved() => Interlocked.Increment(ref _chargesApproved);

    public void ChargeDeclined() => Interlocked.Increment(ref _chargesDeclined);

    public void ChargeReplayed() => Interlocked.Increment(ref _chargeReplays);

    public void ChargeLookedUp() => Interlocked.Increment(ref _chargeLookups);

    public void ChargeInProgress() => Interlocked.Increment(ref _chargesInProgress);

    public void RefundApproved() => Interlocked.Increment(ref _refundsApproved);

    public void RefundDeclined() => Interlocked.Increment(ref _refundsDeclined);

    public void RefundReplayed() => Interlocked.Increment(ref _refundReplays);

    public void RespondedUnavailable() => Interlocked.Increment(ref _unavailableResponses);

    public void HeldResponse() => Interlocked.Increment(ref _heldResponses);

    public void RejectedRequest() => Interlocked.Increment(ref _rejectedRequests);

    public void AuthorizationApproved() => Interlocked.Increment(ref _authorizationsApproved);

    public void AuthorizationDeclined() => Interlocked.Increment(ref _authorizationsDeclined);

    public void AuthorizationReplayed() => Interlocked.Increment(ref _authorizationReplays);

    public void AuthorizationInProgress() => Interlocked.Increment(ref _authorizationsInProgress);

    public void CaptureApproved() => Interlocked.Increment(ref _capturesApproved);

    public void CaptureDeclined() => Interlocked.Increment(ref _capturesDeclined);

    public void VoidApproved() => Interlocked.Increment(ref _voidsApproved);

    public void VoidDeclined() => Interlocked.Increment(ref _voidsDeclined);

    public GatewayStatsView Snapshot() => new(
        Interlocked.Read(ref _requestsReceived),
        Interlocked.Read(ref _chargesApproved),
        Interlocked.Read(ref _chargesDeclined),
        Interlocked.Read(ref _chargeReplays),
        Interlocked.Read(ref _chargeLookups),
        Interlocked.Read(ref _refundsApproved),
        Interlocked.Read(ref _refundsDeclined),
        Interlocked.Read(ref _refundReplays),
        Interlocked.Read(ref _unavailableResponses),
        Interlocked.Read(ref _heldResponses),
        Interlocked.Read(ref _rejectedRequests),
        Interlocked.Read(ref _chargesInProgress),
        Interlocked.Read(ref _authorizationsApproved),
        Interlocked.Read(ref _authorizationsDeclined),
        Interlocked.Read(ref _authorizationReplays),
        Interlocked.Read(ref _authorizationsInProgress),
        Interlocked.Read(ref _capturesApproved),
        Interlocked.Read(ref _capturesDeclined),
        Interlocked.Read(ref _voidsApproved),
        Interlocked.Read(ref _voidsDeclined));
}
