using System.Security.Cryptography;
using System.Text;
using PaymentActors.AzureTables.Tables;

namespace PaymentActors.AzureTables.Storage;

/// <summary>
/// Where one grain state lives: PartitionKey "{serviceId}|{bucket}|{grainId}", RowKey "{stateName}" (each escaped).
/// Why: Azure Tables scales per partition (about 2,000 entities/s each), so one partition per grain type would cap
/// every wallet, or every payment, at that rate together. A partition per grain keeps a hot grain's writes in one
/// partition (a point operation, no cross-partition work) and lets the service spread different grains across
/// servers. The service splits partitions by key range, and our payment ids are time-ordered, so new grains would
/// all append at the end of one range; the two-hex-digit bucket (first byte of SHA-256 of the grain id) scatters them
/// over 256 ranges. All states of one grain share its partition, one row per state name. The service id comes first
/// so that several deployments can share a table without seeing each other's data.
/// </summary>
internal readonly record struct GrainStateKeys(string PartitionKey, string RowKey)
{
    public static GrainStateKeys For(string serviceId, GrainId grainId, string stateName)
    {
        var grain = grainId.ToString();
        var partition = string.Concat(
            TableKeyEncoder.Escape(serviceId), TableKeyEncoder.Separator.ToString(),
            Bucket(grain), TableKeyEncoder.Separator.ToString(),
            TableKeyEncoder.Escape(grain));
        return new GrainStateKeys(partition, TableKeyEncoder.Escape(stateName));
    }

    private static string Bucket(string grainId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(grainId), hash);
        return Convert.ToHexString(hash[..1]);
    }
}
