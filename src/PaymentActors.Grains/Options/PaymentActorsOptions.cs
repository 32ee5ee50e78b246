namespace PaymentActors.Grains.Options;

/// <summary>Behaviour of the payment actors; bound from configuration section "PaymentActors".</summary>
public sealed class PaymentActorsOptions
{
    public const string SectionName = "PaymentActors";

    /// <summary>How long a reservation holds funds before it expires (seed 000: 15 minutes).</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often a wallet with active reservations looks for expired ones (a grain reminder period).</summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a wallet remembers a closed reservation whose payment has not said it is settled, so that the saga's
    /// retry has one effect. Deposits and credits are looked up in the wallet's complete ledger instead, for ever.
    /// </summary>
    public TimeSpan ClosedOperationRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// At most this many closed reservations are remembered per wallet, so that a hot wallet's snapshot stays small
    /// enough to write on every batch; the oldest are forgotten first.
    /// </summary>
    public int ClosedOperationCapacity { get; set; } = 1024;

    /// <summary>
    /// At most this many active reservations per wallet; past it a payment fails <c>too_many_reservations</c>. Every
    /// commit writes the active reservations, so this (with <see cref="ClosedOperationCapacity"/>) bounds a wallet's write.
    /// </summary>
    public int MaxActiveReservations { get; set; } = 1000;

    /// <summary>When true, a wallet persists every operation that arrived during one write with the next single write.</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>How often a saga step that failed transiently (a timeout, an unreachable grain) is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; each further retry doubles it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often each recovery partition looks for sagas that stopped without finishing.</summary>
    public TimeSpan RecoveryCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A saga unfinished for longer than this is presumed interrupted and is resumed.</summary>
    public TimeSpan RecoveryGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a failed event is kept after it last changed (recorded, retried, resolved); then it is deleted, within
    /// one <see cref="FailedEventPurgePeriod"/>.
    /// </summary>
    public TimeSpan FailedEventRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often failed events past their retention are looked for and deleted (a grain reminder period).</summary>
    public TimeSpan FailedEventPurgePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The gateway grain's key (one activation per provider).</summary>
    public string GatewayProvider { get; set; } = "mock";

    public SimulatedGatewayOptions SimulatedGateway { get; set; } = new();
}
