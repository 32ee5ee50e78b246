namespace PaymentActors.Payments.Decider;

/// <summary>The decider's answer to one input: changes to record (in order), effects to perform (in order), a reply.</summary>
public sealed record PaymentDecision(
    IReadOnlyList<PaymentChange> Changes,
    IReadOnlyList<PaymentEffect> Effects,
    PaymentReply Reply,
    PaymentDeciderState State);
