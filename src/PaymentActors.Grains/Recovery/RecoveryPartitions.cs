using PaymentActors.Events;

namespace PaymentActors.Grains.Recovery;

internal static class RecoveryPartitions
{
    /// <summary>The recovery partition of a payment: the same split as the event stream.</summary>
    public static string KeyOf(string paymentId) => "recovery-" + EventStreams.PartitionKeyOf(paymentId);

    public static IEnumerable<string> AllKeys => EventStreams.AllPartitionKeys.Select(key => "recovery-" + key);
}
