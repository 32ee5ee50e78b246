using System.Globalization;
using Azure.Data.Tables;
using PaymentActors.FailureRecording;

namespace PaymentActors.AzureTables.FailedEvents;

/// <summary>
/// Maps a <see cref="FailedEvent"/> to an entity with seed 000's field names (id, original_event, event_type,
/// payment_id, error_message, source, retry_count, status, created_at) plus updated_at. A string property holds at most
/// 32 Ki UTF-16 characters, so long texts (original_event, error_message) continue in "_1", "_2"... properties.
/// </summary>
internal static class FailedEventEntity
{
    public const string PartitionKey = "failedevents";

    public const string StatusProperty = "status";

    public const string UpdatedAtProperty = "updated_at";

    /// <summary>Characters per string property: the service's 64 KiB limit in UTF-16, less one so a pair never splits past it.</summary>
    private const int MaxCharactersPerProperty = 32 * 1024 - 1;

    /// <summary>What we allow for all texts together, well inside the 1 MiB entity limit once sent as JSON.</summary>
    private const int MaxTotalCharacters = 400 * 1024;

    public static TableEntity ToEntity(FailedEvent failedEvent)
    {
        var total = failedEvent.OriginalEvent.Length + failedEvent.ErrorMessage.Length + failedEvent.Id.Length +
                    failedEvent.EventType.Length + failedEvent.PaymentId.Length + failedEvent.Source.Length;
        if (total > MaxTotalCharacters)
        {
            throw new ArgumentException(
                $"Failed event '{failedEvent.Id}' carries {total} characters of text; the store keeps at most {MaxTotalCharacters} per event.",
                nameof(failedEvent));
        }

        var entity = new TableEntity(PartitionKey, FailedEventRowKey.From(failedEvent.Id))
        {
            ["id"] = failedEvent.Id,
            ["event_type"] = failedEvent.EventType,
            ["payment_id"] = failedEvent.PaymentId,
            ["source"] = failedEvent.Source,
            ["retry_count"] = failedEvent.RetryCount,
            [StatusProperty] = StatusName(failedEvent.Status),
            ["created_at"] = failedEvent.CreatedAt,
            [UpdatedAtProperty] = failedEvent.UpdatedAt,
        };
        WriteLongString(entity, "original_event", failedEvent.OriginalEvent);
        WriteLongString(entity, "error_message", failedEvent.ErrorMessage);
        return entity;
    }

    public static FailedEvent FromEntity(TableEntity entity) => new(
        Id: entity.GetString("id"),
        OriginalEvent: ReadLongString(entity, "original_event"),
        EventType: entity.GetString("event_type") ?? string.Empty,
        PaymentId: entity.GetString("payment_id") ?? string.Empty,
        ErrorMessage: ReadLongString(entity, "error_message"),
        Source: entity.GetString("source") ?? string.Empty,
        RetryCount: entity.GetInt32("retry_count") ?? 0,
        Status: ParseStatus(entity.GetString(StatusProperty)),
        CreatedAt: entity.GetDateTimeOffset("created_at") ?? DateTimeOffset.MinValue,
        UpdatedAt: entity.GetDateTimeOffset(UpdatedAtProperty) ?? DateTimeOffset.MinValue);

    /// <summary>The status as stored and filtered on: seed 000's lower-case words.</summary>
    public static string StatusName(FailedEventStatus status) => status switch
    {
        FailedEventStatus.Failed => "failed",
        FailedEventStatus.Retried => "retried",
        FailedEventStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown failed-event status."),
    };

    private static FailedEventStatus ParseStatus(string? name) => name switch
    {
        "failed" => FailedEventStatus.Failed,
        "retried" => FailedEventStatus.Retried,
        "resolved" => FailedEventStatus.Resolved,
        _ => throw new FormatException($"Stored failed-event status '{name}' is not one of failed, retried, resolved."),
    };

    private static void WriteLongString(TableEntity entity, string name, string value)
    {
        var part = 0;
        var offset = 0;
        do
        {
            var length = Math.Min(MaxCharactersPerProperty, value.Length - offset);
            if (length > 0 && offset + length < value.Length && char.IsHighSurrogate(value[offset + length - 1]))
            {
                length--; // keep a surrogate pair in one property
            }

            entity[part == 0 ? name : PartName(name, part)] = value.Substring(offset, length);
            offset += length;
            part++;
        }
        while (offset < value.Length);
    }

    private static string ReadLongString(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? string.Empty;
        if (!entity.ContainsKey(PartName(name, 1)))
        {
            return first;
        }

        var builder = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(PartName(name, part)) is { } next; part++)
        {
            builder.Append(next);
        }

        return builder.ToString();
    }

    private static string PartName(string name, int part) => name + "_" + part.ToString(CultureInfo.InvariantCulture);
}
