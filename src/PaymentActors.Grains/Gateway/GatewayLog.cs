using Microsoft.Extensions.Logging;

namespace PaymentActors.Grains.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Refund of payment {PaymentId} at the gateway: {Status}")]
    public static partial void Refund(ILogger logger, string paymentId, string status);
}
