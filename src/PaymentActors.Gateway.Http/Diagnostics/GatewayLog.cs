using Microsoft.Extensions.Logging;

namespace PaymentActors.Gateway.Http.Diagnostics;

internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Debug, "Gateway {Operation} {PaymentId}: {Status} ({Reason}) in {Elapsed}")]
    public static partial void CallCompleted(ILogger logger, string operation, string paymentId, GatewayStatus status, string? reason, TimeSpan elapsed);

    [LoggerMessage(2, LogLevel.Warning, "Gateway {Operation} {PaymentId}: {Status} ({Reason}) in {Elapsed}")]
    public static partial void CallWithoutVerdict(ILogger logger, string operation, string paymentId, GatewayStatus status, string? reason, TimeSpan elapsed);

    [LoggerMessage(3, LogLevel.Information, "Gateway {Provider} attempt {Attempt} failed ({Failure}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, int attempt, string failure, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Warning, "Gateway {Provider} circuit opened for {BreakDuration} after {Failure}")]
    public static partial void CircuitOpened(ILogger logger, string provider, TimeSpan breakDuration, string failure);

    [LoggerMessage(5, LogLevel.Information, "Gateway {Provider} circuit half-open: the next call probes the gateway")]
    public static partial void CircuitHalfOpened(ILogger logger, string provider);

    [LoggerMessage(6, LogLevel.Information, "Gateway {Provider} circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string provider);
}
