using Microsoft.Extensions.Logging;

namespace PaymentActors.Grains.Recovery;

internal static partial class RecoveryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Resuming payment {PaymentId} failed; the next check tries again")]
    public static partial void ResumeFailed(ILogger logger, Exception exception, string paymentId);
}
