using System.Globalization;
using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.Reminders;

/// <summary>
/// Reminder rows: PartitionKey "{serviceId}|{grain hash as 8 upper-case hex digits}", RowKey "{grainId}|{reminderName}"
/// (each escaped). The reminder service asks for ring ranges of grain hashes; fixed-width hex sorts like the number,
/// so a range (begin, end] is one PartitionKey range query answered by the service, never a scan in memory.
/// A grain's reminders share its hash partition; the escaped grain id followed by the separator, which escaping never
/// produces, makes "all reminders of one grain" a RowKey prefix range inside that partition.
/// </summary>
internal static class ReminderKeys
{
    public static string Partition(string serviceId, uint grainHash) =>
        PartitionPrefix(serviceId) + grainHash.ToString("X8", CultureInfo.InvariantCulture);

    public static string Row(GrainId grainId, string reminderName) =>
        GrainRowPrefix(grainId) + TableKeyEncoder.Escape(reminderName);

    /// <summary>Every RowKey of the grain starts with this and sorts before <see cref="GrainRowEnd"/>.</summary>
    public static string GrainRowPrefix(GrainId grainId) =>
        TableKeyEncoder.Escape(grainId.ToString()) + TableKeyEncoder.Separator;

    /// <summary>The prefix with its separator replaced by the next character: an exclusive upper bound.</summary>
    public static string GrainRowEnd(GrainId grainId) =>
        TableKeyEncoder.Escape(grainId.ToString()) + (char)(TableKeyEncoder.Separator + 1);

    private static string PartitionPrefix(string serviceId) =>
        TableKeyEncoder.Escape(serviceId) + TableKeyEncoder.Separator;
}
