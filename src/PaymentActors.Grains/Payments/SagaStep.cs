using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

/// <summary>What the payment grain does next for its saga; <see cref="PaymentSaga"/> decides, the grain does the I/O.</summary>
internal enum SagaStepKind
{
    /// <summary>Nothing to do until an outside event (a retry, a restart) starts a new run.</summary>
    Stop,
    /// <summary>Hold the amount at the wallet.</summary>
    Reserve,
    /// <summary>Charge at the gateway (again: after <see cref="SagaStep.Resend"/> backoffs, with the same idempotency key).</summary>
    Charge,
    /// <summary>Deduct the held amount at the wallet.</summary>
    Confirm,
    /// <summary>Hand the held amount back at the wallet, with <see cref="SagaStep.Reason"/> on the event.</summary>
    Release,
    /// <summary>Refund this attempt's approved charge at the gateway: no money may leave without a debit.</summary>
    VoidCharge,
    /// <summary>End the payment as <see cref="SagaStep.Status"/>: durable, announced, failure recorded.</summary>
    Finish,
}

/// <param name="Resend">For a charge: how many sends of it came before (0 = first; more = back off before sending).</param>
/// <param name="Failure">For a failed ending: the step that ran out of retries, for the failed-event record.</param>
internal readonly record struct SagaStep(
    SagaStepKind Kind,
    PaymentStatus Status = PaymentStatus.Pending,
    string? Reason = null,
    int Resend = 0,
    StepFailedException? Failure = null)
{
    public static readonly SagaStep Stop = new(SagaStepKind.Stop);
    public static readonly SagaStep Reserve = new(SagaStepKind.Reserve);
    public static readonly SagaStep Confirm = new(SagaStepKind.Confirm);
    public static readonly SagaStep VoidCharge = new(SagaStepKind.VoidCharge);

    public static SagaStep Charge(int resend) => new(SagaStepKind.Charge, Resend: resend);

    public static SagaStep Release(string reason) => new(SagaStepKind.Release, Reason: reason);

    public static SagaStep Finish(PaymentStatus status, string? reason, StepFailedException? failure = null) =>
        new(SagaStepKind.Finish, status, reason, Failure: failure);
}
