using Microsoft.Extensions.Logging;

namespace PaymentActors.AzureTables.Storage;

internal static partial class AzureTableGrainStorageLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Grain storage '{StorageName}' uses Azure table '{TableName}'")]
    public static partial void TableReady(ILogger logger, string storageName, string tableName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Grain storage '{StorageName}': {Operation} of state '{StateName}' for grain {GrainId} refused with HTTP {Status} (ETag {ETag})")]
    public static partial void Conflict(ILogger logger, string storageName, string operation, string stateName, GrainId grainId, int status, string? eTag);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "Grain storage '{StorageName}': state '{StateName}' for grain {GrainId} is {Size} bytes, above the {MaxSize} bytes one entity holds")]
    public static partial void StateTooLarge(ILogger logger, string storageName, string stateName, GrainId grainId, int size, int maxSize);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error,
        Message = "Grain storage '{StorageName}': {Operation} of state '{StateName}' for grain {GrainId} failed")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string storageName, string operation, string stateName, GrainId grainId);
}
