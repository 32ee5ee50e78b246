using System.Collections.Immutable;

namespace PaymentActors.Payments.Decider;

/// <summary>
/// Everything the payment's decider knows, immutable: only <see cref="PaymentDecider.Evolve"/> makes a new one, from
/// a recorded change. The grain stores it as it is; a restarted activation resumes from the stored copy.
/// </summary>
[GenerateSerializer, Immutable, Alias("PaymentActors.PaymentDeciderState")]
public sealed record PaymentDeciderState
{
    public static readonly PaymentDeciderState Empty = new();

    [Id(0)] public string? PaymentId { get; init; }
    [Id(1)] public PaymentRequest? Request { get; init; }
    [Id(2)] public PaymentStatus Status { get; init; }
    [Id(3)] public FailureCause? Failure { get; init; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last change's sequence number, 1 for the creation, without gaps.</summary>
    [Id(6)] public long Sequence { get; init; }

    /// <summary>0, then one more per operator retry; each attempt has its own reservation and its own charge key.</summary>
    [Id(7)] public int Attempt { get; init; }

    /// <summary>The main path's call that is out and unanswered (<see cref="PaymentStep.None"/> when none).</summary>
    [Id(8)] public PaymentStep Awaiting { get; init; }

    /// <summary>Which send of the step is out: an answer to an earlier send is stale.</summary>
    [Id(9)] public int AwaitingSend { get; init; }

    /// <summary>How many times the main path's current call was answered with a transient failure.</summary>
    [Id(10)] public int StepFailures { get; init; }

    [Id(11)] public ReservationStanding Reservation { get; init; }

    /// <summary>This attempt's reservation was deducted: the payment's money left the wallet.</summary>
    [Id(12)] public bool Debited { get; init; }

    /// <summary>How many charges of this attempt were sent.</summary>
    [Id(13)] public int ChargeSends { get; init; }

    /// <summary>Some send of this attempt's charge may have reached the gateway and has no definitive answer.</summary>
    [Id(14)] public bool ChargeUncertain { get; init; }

    /// <summary><see cref="ChargeUncertain"/> before the send now out: a send refused before sending restores it.</summary>
    [Id(15)] public bool ChargeUncertainBeforeSend { get; init; }

    /// <summary>Sends refused before anything was sent, in a row: past the limit the gateway is taken to be down.</summary>
    [Id(16)] public int ChargeNotSent { get; init; }

    [Id(17)] public bool ChargeApproved { get; init; }
    [Id(18)] public string? ChargeReference { get; init; }
    [Id(19)] public bool ChargeVoided { get; init; }

    /// <summary>How the payment is to end, once decided; the status follows when the ending is recorded.</summary>
    [Id(20)] public PaymentStatus? Ending { get; init; }
    [Id(21)] public FailureCause? EndingCause { get; init; }

    /// <summary>The step that ran out of retries, and how many it had, for the failure record.</summary>
    [Id(22)] public PaymentStep FailedStep { get; init; }
    [Id(23)] public int FailedStepRetries { get; init; }

    /// <summary>A wallet call stayed unreachable while undoing: nothing to do until a resume.</summary>
    [Id(24)] public bool Stalled { get; init; }

    /// <summary>The failed event an operator's retry re-drives, until that attempt ends.</summary>
    [Id(25)] public string? RetryOf { get; init; }

    [Id(26)] public ImmutableList<RefundEntry> Refunds { get; init; } = [];

    /// <summary>How this attempt's reservation was found closed (Unknown while it is not).</summary>
    [Id(28)] public Wallets.ReservationStatus ReservationClosedAs { get; init; }

    /// <summary>The sequence number of the ending's change (0 before it).</summary>
    [Id(27)] public long EndedSequence { get; init; }

    public bool Exists => Request is not null;

    /// <summary>
    /// Nothing more will happen without a new request: ended, no call out, no charge left uncertain or standing
    /// without its debit, no refund under way.
    /// </summary>
    public bool IsSettled =>
        Exists && Status.IsTerminal() && Awaiting == PaymentStep.None && !ChargeUncertain && !HoldsUndebitedCharge &&
        Refunds.All(r => r.Status != RefundStatus.Pending);

    /// <summary>An approved charge with no debit and no void: money that must go back.</summary>
    public bool HoldsUndebitedCharge => ChargeApproved && !Debited && !ChargeVoided;

    /// <summary>What the succeeded refunds gave back.</summary>
    public decimal Refunded => Refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Amount);

    /// <summary>The void's refund id at the gateway names the attempt, so a later attempt's charge is never touched.</summary>
    public string VoidId => Attempt == 0 ? "void_" + PaymentId : $"void{Attempt}_{PaymentId}";
}
