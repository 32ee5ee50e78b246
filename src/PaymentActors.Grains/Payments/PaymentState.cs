using PaymentActors.Events;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Payments;

/// <summary>
/// A payment. Persisted when it ends, around refunds and operator retries, and, when its creator does not wait for
/// the ending, when it is created; until it is written, its reservation at the wallet stands for it. The saga steps
/// in between are idempotent and are simply re-run after a restart.
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
    [Id(6)] public List<RefundRecord> Refunds { get; set; } = [];

    /// <summary>The failed event an operator is re-driving this payment for, until the retry ends.</summary>
    [Id(7)] public string? RetryOf { get; set; }

    /// <summary>0, then one more for each operator retry: each attempt holds its own reservation at the wallet.</summary>
    [Id(8)] public int Attempt { get; set; }

    /// <summary>A recovery partition lists this payment (it was written before its reservation): it must be forgotten there.</summary>
    [Id(9)] public bool Tracked { get; set; }
}
