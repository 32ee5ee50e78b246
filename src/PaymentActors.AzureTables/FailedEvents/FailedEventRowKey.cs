using System.Text;

namespace PaymentActors.AzureTables.FailedEvents;

/// <summary>
/// A RowKey that sorts in the opposite order of the id, so that the table's natural ascending order is newest first
/// (ids are time-ordered, see EventIds). Each UTF-8 byte b of the id becomes two lower-case hex digits of 255 - b, and
/// a final '~' (above every hex digit) makes a longer id sort before any id that is its prefix. Works for any id,
/// uses only key-safe characters, and distinct ids give distinct keys.
/// </summary>
internal static class FailedEventRowKey
{
    private const char Terminator = '~';

    public static string From(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var bytes = Encoding.UTF8.GetBytes(id);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(byte.MaxValue - bytes[i]);
        }

        return Convert.ToHexStringLower(bytes) + Terminator;
    }
}
