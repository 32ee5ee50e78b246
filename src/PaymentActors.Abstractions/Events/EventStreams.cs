using System.IO.Hashing;
using System.Text;

namespace PaymentActors.Events;

/// <summary>
/// Where events are published. The namespace is split into a fixed number of stream keys so that
/// no subscriber becomes a single hot activation; all events of one payment share a key, which keeps them in order.
/// </summary>
public static class EventStreams
{
    public const string ProviderName = "events";
    public const string Namespace = "payment-events";

    /// <summary>Failed payments only (also on <see cref="Namespace"/>): the failure recorder's stream.</summary>
    public const string FailuresNamespace = "payment-failures";
    public const int PartitionCount = 8;

    public static int PartitionOf(string paymentId) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(paymentId)) % PartitionCount);

    public static string PartitionKey(int partition) => "p" + partition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string PartitionKeyOf(string paymentId) => PartitionKey(PartitionOf(paymentId));

    public static IEnumerable<string> AllPartitionKeys => Enumerable.Range(0, PartitionCount).Select(PartitionKey);
}
