using Microsoft.Extensions.Logging;

namespace PaymentActors.AzureTables.FailedEvents;

internal static partial class AzureTableFailedEventStoreLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Failed event {FailedEventId} is already stored; the duplicate was ignored")]
    public static partial void DuplicateIgnored(ILogger logger, string failedEventId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, Message = "Failed event {FailedEventId} was not updated: it does not exist or changed since it was read")]
    public static partial void UpdateOfMissing(ILogger logger, string failedEventId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Debug, Message = "Failed event with row key {RowKey} was not purged: it is gone or changed since it was read")]
    public static partial void PurgeSkipped(ILogger logger, string rowKey);
}
