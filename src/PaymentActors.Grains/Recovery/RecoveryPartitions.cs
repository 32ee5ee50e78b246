using PaymentActors.Events;

namespace PaymentActors.Grains.Recovery;

internal static class RecoveryPartitions
{
    /// <summary>
    /// Few partitions, because tracking is group-committed: the fewer partitions share the payments in flight, the
    /// more of them one write carries (8 partitions cost 0.66 writes per payment under 64 clients). Tracking is a
    /// dictionary insert, so one partition is no hot spot at thousands of payments per second; two keep a spare.
    /// </summary>
    public const int Count = 2;

    /// <summary>The recovery partition of a payment, derived from its event-stream partition.</summary>
    public static string KeyOf(string paymentId) => Key(EventStreams.PartitionOf(paymentId) % Count);

    private static string Key(int partition) => "recovery-" + EventStreams.PartitionKey(partition);
}
