using Azure.Data.Tables;

namespace PaymentActors.AzureTables.Storage;

/// <summary>
/// Spreads serialized state over binary properties "Data", "Data1" ... because one binary property holds at most 64 KiB.
/// The whole entity travels as JSON with binary as base64 (4/3 larger) and Azurite, like the service's request limit,
/// refuses bodies over 1 MiB; 11 chunks (704 KiB raw, about 939 KiB as base64) leave room for keys and names on both.
/// </summary>
internal static class GrainStateChunks
{
    public const int ChunkSize = 64 * 1024;
    public const int MaxChunks = 11;
    public const int MaxStateBytes = ChunkSize * MaxChunks;

    private const string BasePropertyName = "Data";

    public static void Write(TableEntity entity, ReadOnlyMemory<byte> data)
    {
        var index = 0;
        for (var offset = 0; offset < data.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, data.Length - offset);
            entity[PropertyName(index++)] = data.Slice(offset, length).ToArray();
        }
    }

    /// <summary>The stored bytes, or null when the entity holds no state (a cleared, blanked entity).</summary>
    public static byte[]? Read(TableEntity entity)
    {
        var chunks = new List<byte[]>();
        for (var index = 0; index < MaxChunks; index++)
        {
            var chunk = entity.GetBinary(PropertyName(index));
            if (chunk is null)
            {
                break;
            }

            chunks.Add(chunk);
        }

        if (chunks.Count == 0)
        {
            return null;
        }

        var data = new byte[chunks.Sum(chunk => chunk.Length)];
        var position = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(data, position);
            position += chunk.Length;
        }

        return data;
    }

    private static string PropertyName(int index) => index == 0 ? BasePropertyName : BasePropertyName + index;
}
