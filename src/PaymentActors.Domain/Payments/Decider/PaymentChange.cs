namespace PaymentActors.Payments.Decider;

/// <summary>
/// What the decider records, a closed set: the only way the state changes (<see cref="PaymentDecider.Evolve"/>).
/// Each carries the payment's next <see cref="Sequence"/> number, so a stored history has no gaps and a consumer
/// downstream can tell order and duplicates.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record PaymentChange
{
    private protected PaymentChange()
    {
    }

    [Id(0)] public long Sequence { get; init; }
    [Id(1)] public DateTimeOffset At { get; init; }

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.Created")]
    public sealed record Created([property: Id(0)] string PaymentId, [property: Id(1)] PaymentRequest Request) : PaymentChange;

    /// <summary>A restart or the recovery check: whatever was out is presumed lost and re-driven.</summary>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.Resumed")]
    public sealed record Resumed : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.StepStarted")]
    public sealed record StepStarted([property: Id(0)] PaymentStep Step, [property: Id(1)] string? RefundId = null) : PaymentChange;

    /// <summary>The current call failed without effect; it is sent again.</summary>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.StepRetried")]
    public sealed record StepRetried([property: Id(0)] PaymentStep Step) : PaymentChange;

    /// <summary>The current call failed past its retries: nothing is out any more.</summary>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.StepAbandoned")]
    public sealed record StepAbandoned([property: Id(0)] PaymentStep Step, [property: Id(1)] bool Stall) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.FundsReserved")]
    public sealed record FundsReserved : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.ReserveRefused")]
    public sealed record ReserveRefused : PaymentChange;

    /// <param name="AnswersCall">False when the wallet reported it on its own (an expiry) while a call may be out.</param>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.ReservationClosed")]
    public sealed record ReservationClosed([property: Id(0)] Wallets.ReservationStatus ClosedAs, [property: Id(1)] bool AnswersCall = true) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.ChargeAnswered")]
    public sealed record ChargeAnswered([property: Id(0)] ChargeVerdict Verdict, [property: Id(1)] string? GatewayReference) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.ChargeVoided")]
    public sealed record ChargeVoided([property: Id(0)] string? GatewayReference) : PaymentChange;

    /// <summary>How the payment will end is decided; <see cref="Ended"/> follows once the wallet is settled.</summary>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.EndingChosen")]
    public sealed record EndingChosen(
        [property: Id(0)] PaymentStatus Status,
        [property: Id(1)] FailureCause? Cause,
        [property: Id(2)] PaymentStep FailedStep = PaymentStep.None,
        [property: Id(3)] int FailedStepRetries = 0) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.Ended")]
    public sealed record Ended([property: Id(0)] PaymentStatus Status, [property: Id(1)] FailureCause? Cause) : PaymentChange;

    /// <summary>The creation could not be made durable: the payment is as if never asked for.</summary>
    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.CreationAbandoned")]
    public sealed record CreationAbandoned : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.RefundOpened")]
    public sealed record RefundOpened([property: Id(0)] RefundEntry Refund) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.RefundApproved")]
    public sealed record RefundApproved([property: Id(0)] string RefundId, [property: Id(1)] string? GatewayReference) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.RefundDeclined")]
    public sealed record RefundDeclined([property: Id(0)] string RefundId) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.RefundCredited")]
    public sealed record RefundCredited([property: Id(0)] string RefundId) : PaymentChange;

    [GenerateSerializer, Immutable, Alias("PaymentActors.Change.RetryStarted")]
    public sealed record RetryStarted([property: Id(0)] string FailedEventId, [property: Id(1)] string? Actor) : PaymentChange;
}
