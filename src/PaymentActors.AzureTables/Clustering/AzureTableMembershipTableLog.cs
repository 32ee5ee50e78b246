using Microsoft.Extensions.Logging;

namespace PaymentActors.AzureTables.Clustering;

internal static partial class AzureTableMembershipTableLog
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Membership table for cluster '{ClusterId}' uses Azure table '{TableName}'")]
    public static partial void TableReady(ILogger logger, string clusterId, string tableName);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Membership {Operation} for silo {SiloAddress} lost a race (HTTP {Status})")]
    public static partial void ConditionFailed(ILogger logger, string operation, SiloAddress siloAddress, int status);
}
