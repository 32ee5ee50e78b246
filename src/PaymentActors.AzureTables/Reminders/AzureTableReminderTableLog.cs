using Microsoft.Extensions.Logging;

namespace PaymentActors.AzureTables.Reminders;

internal static partial class AzureTableReminderTableLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Reminder table uses Azure table '{TableName}'")]
    public static partial void TableReady(ILogger logger, string tableName);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug,
        Message = "Reminder '{ReminderName}' of grain {GrainId} was not removed: ETag {ETag} is stale or the row is gone")]
    public static partial void RemoveRefused(ILogger logger, string reminderName, GrainId grainId, string eTag);
}
