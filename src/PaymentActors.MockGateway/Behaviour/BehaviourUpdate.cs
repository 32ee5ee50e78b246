namespace PaymentActors.MockGateway.Behaviour;

/// <summary>The body of <c>POST /admin/behaviour</c>: only the fields present change.</summary>
public sealed record BehaviourUpdate(
    double? FailRate = null,
    int? LatencyMinMs = null,
    int? LatencyMaxMs = null,
    double? TimeoutRate = null,
    int? TimeoutHoldMs = null,
    bool? Outage = null,
    int? Seed = null,
    double? CaptureFailRate = null,
    int? AuthorizationTtlSeconds = null)
{
    public GatewayBehaviour ApplyTo(GatewayBehaviour current) => new(
        FailRate ?? current.FailRate,
        LatencyMinMs ?? current.LatencyMinMs,
        LatencyMaxMs ?? current.LatencyMaxMs,
        TimeoutRate ?? current.TimeoutRate,
        TimeoutHoldMs ?? current.TimeoutHoldMs,
        Outage ?? current.Outage,
        Seed ?? current.Seed,
        CaptureFailRate ?? current.CaptureFailRate,
        AuthorizationTtlSeconds ?? current.AuthorizationTtlSeconds);
}
