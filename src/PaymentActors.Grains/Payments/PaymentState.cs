using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

/// <summary>
/// What a payment persists: written when it is created (so that it can be resumed) and when it ends. The
/// steps in between are idempotent and are simply re-run after a restart, so they are not written.
/// </summary>
[GenerateSerializer, Alias("PaymentActors.PaymentState")]
public sealed class PaymentState
{
    [Id(0)] public PaymentRequest? Request { get; set; }
    [Id(1)] public PaymentStatus Status { get; set; }
    [Id(2)] public string? FailureReason { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(5)] public List<PaymentEvent> Events { get; set; } = [];
}
