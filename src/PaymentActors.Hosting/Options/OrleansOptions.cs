namespace PaymentActors.Hosting.Options;

/// <summary>How a silo joins its cluster and how a client finds it; bound from configuration section "Orleans".</summary>
public sealed class OrleansOptions
{
    public const string SectionName = "Orleans";

    // Orleans reads this section too (ClusterId, ServiceId, and provider sections such as Clustering, Reminders,
    // GrainStorage, Streaming, Messaging, Endpoints): the keys below are chosen not to collide with those.

    /// <summary>The section whose keys override <see cref="Orleans.Configuration.ClusterMembershipOptions"/> (Azure Table clustering only).</summary>
    public const string MembershipSectionName = SectionName + ":Membership";

    /// <summary>The value of <see cref="AdvertisedIP"/> that advertises this machine's own address and listens on every interface.</summary>
    public const string AutomaticAddress = "auto";

    /// <summary>Read by the front door only: a silo of its own, or a client of silos elsewhere.</summary>
    public OrleansMode Mode { get; set; } = OrleansMode.CoHosted;

    public string ClusterId { get; set; } = "payment-actors";

    public string ServiceId { get; set; } = "payment-actors";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port external Orleans clients (the front door in client mode) connect to; 0 disables the gateway.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this silo at (Azure Table clustering only): an IP address, loopback by
    /// default so that processes on one machine form a cluster, or <c>auto</c> for the machine's own address (in a
    /// container: its IP on the container network), listening on every interface.
    /// </summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>
    /// How long the front door in client mode waits for a grain call before it answers 503 (Orleans's default is 30 s).
    /// A call sent through a silo that has just been killed gets no answer at all, so this bounds how long a request
    /// can hang while the cluster notices; not lower, because a cold cluster on a busy machine (tables created, grains
    /// activated) can take several seconds to answer its first calls. <c>?wait=true</c>'s wait has its own timeout.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Client mode: how long after a grain call was first sent the front door may still repeat it because its silo died
    /// or left (<c>RepeatOnSiloLossFilter</c>). Longer than the cluster takes to declare a killed silo dead (about 10 s
    /// with <c>MembershipTiming</c>), well under a client's 30 s: a client sees a longer answer, not an error.
    /// </summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The shortest reminder period Orleans accepts (its default is 1 minute); lower it to let sagas' recovery
    /// (<c>PaymentActors:RecoveryCheckPeriod</c>) look for interrupted payments more often, as tests do.
    /// </summary>
    public TimeSpan? MinimumReminderPeriod { get; set; }
}
