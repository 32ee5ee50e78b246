namespace PaymentActors.MockGateway.Options;

/// <summary>
/// How the simulated gateway behaves when it starts (configuration section <c>Behaviour</c>).
/// Every value can be changed at run time through <c>POST /admin/behaviour</c>.
/// </summary>
public sealed class GatewayBehaviourOptions
{
    public const string SectionName = "Behaviour";

    /// <summary>Share of new charges the gateway declines (a business rejection), 0 to 1: the seeds' <c>FailRate: 0.1</c>.</summary>
    public double FailRate { get; set; } = 0.1;

    /// <summary>Shortest simulated processing time of a call, in milliseconds.</summary>
    public int LatencyMinMs { get; set; } = 20;

    /// <summary>Longest simulated processing time of a call, in milliseconds.</summary>
    public int LatencyMaxMs { get; set; } = 150;

    /// <summary>Share of charges and refunds that are recorded and then answered only after <see cref="TimeoutHoldMs"/>, 0 to 1.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>How long a timed-out response is held: far longer than any sane client timeout.</summary>
    public int TimeoutHoldMs { get; set; } = 120_000;

    /// <summary>When true every gateway call answers 503 and records nothing.</summary>
    public bool Outage { get; set; }

    /// <summary>Share of captures the gateway declines (the authorization stays capturable), 0 to 1.</summary>
    public double CaptureFailRate { get; set; }

    /// <summary>How long an authorization holds before it lapses uncaptured, in seconds (7 days).</summary>
    public int AuthorizationTtlSeconds { get; set; } = Behaviour.GatewayBehaviour.DefaultAuthorizationTtlSeconds;

    /// <summary>Seed of every random decision; left empty, one is drawn and shown by <c>GET /admin/behaviour</c>.</summary>
    public int? Seed { get; set; }
}
