using Microsoft.Extensions.Logging;
using PaymentActors.MockGateway.Behaviour;

namespace PaymentActors.MockGateway.Diagnostics;

internal static partial class MockGatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "Gateway behaviour: {Behaviour}")]
    public static partial void BehaviourInForce(ILogger logger, GatewayBehaviour behaviour);

    [LoggerMessage(2, LogLevel.Debug, "Charge {PaymentId} {Status} ({Reason})")]
    public static partial void ChargeRecorded(ILogger logger, string paymentId, string status, string? reason);

    [LoggerMessage(3, LogLevel.Debug, "Charge {PaymentId} repeated: answered with the first outcome")]
    public static partial void ChargeReplayed(ILogger logger, string paymentId);

    [LoggerMessage(4, LogLevel.Debug, "Refund {RefundId} of {PaymentId} {Status} ({Reason})")]
    public static partial void RefundRecorded(ILogger logger, string refundId, string paymentId, string status, string? reason);

    [LoggerMessage(5, LogLevel.Information, "Holding the response to {Path} for {Hold} to simulate a timeout")]
    public static partial void HoldingResponse(ILogger logger, string path, TimeSpan hold);

    [LoggerMessage(7, LogLevel.Debug, "Authorization {PaymentId} {Status} ({Reason})")]
    public static partial void AuthorizationRecorded(ILogger logger, string paymentId, string status, string? reason);

    [LoggerMessage(8, LogLevel.Debug, "{Settlement} {Status} ({Reason})")]
    public static partial void SettlementRecorded(ILogger logger, string settlement, string status, string? reason);

    [LoggerMessage(6, LogLevel.Debug, "Outage: answered {Path} with 503")]
    public static partial void AnsweredUnavailable(ILogger logger, string path);
}
