namespace PaymentActors.MockGateway.Diagnostics;

/// <summary>Counters of what the gateway saw and answered, for tests and demos (<c>GET /admin/stats</c>).</summary>
public sealed class GatewayStats
{
    private long requestsReceived;
    private long chargesApproved;
    private long chargesDeclined;
    private long chargeReplays;
    private long chargeLookups;
    private long chargesInProgress;
    private long refundsApproved;
    private long refundsDeclined;
    private long refundReplays;
    private long unavailableResponses;
    private long heldResponses;
    private long rejectedRequests;

    public void RequestReceived() => Interlocked.Increment(ref requestsReceived);

    public void ChargeApproved() => Interlocked.Increment(ref chargesApproved);

    public void ChargeDeclined() => Interlocked.Increment(ref chargesDeclined);

    public void ChargeReplayed() => Interlocked.Increment(ref chargeReplays);

    public void ChargeLookedUp() => Interlocked.Increment(ref chargeLookups);

    public void ChargeInProgress() => Interlocked.Increment(ref chargesInProgress);

    public void RefundApproved() => Interlocked.Increment(ref refundsApproved);

    public void RefundDeclined() => Interlocked.Increment(ref refundsDeclined);

    public void RefundReplayed() => Interlocked.Increment(ref refundReplays);

    public void RespondedUnavailable() => Interlocked.Increment(ref unavailableResponses);

    public void HeldResponse() => Interlocked.Increment(ref heldResponses);

    public void RejectedRequest() => Interlocked.Increment(ref rejectedRequests);

    public GatewayStatsView Snapshot() => new(
        Interlocked.Read(ref requestsReceived),
        Interlocked.Read(ref chargesApproved),
        Interlocked.Read(ref chargesDeclined),
        Interlocked.Read(ref chargeReplays),
        Interlocked.Read(ref chargeLookups),
        Interlocked.Read(ref refundsApproved),
        Interlocked.Read(ref refundsDeclined),
        Interlocked.Read(ref refundReplays),
        Interlocked.Read(ref unavailableResponses),
        Interlocked.Read(ref heldResponses),
        Interlocked.Read(ref rejectedRequests),
        Interlocked.Read(ref chargesInProgress));
}
