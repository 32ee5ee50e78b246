namespace PaymentActors.Api.Security;

/// <summary>
/// What an operator did to someone's money or order, by whom (the token's <c>sub</c>); the same actor goes on the event,
/// the ledger entry or the order's status history. Every attempt is logged with its outcome, refused ones included.
/// </summary>
internal static partial class OperatorAuditLog
{
    public const string Category = "PaymentActors.Api.Security.OperatorAudit";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Operator {Actor} deposited {Amount} {Currency} into wallet {UserId} (deposit {DepositId}): {Outcome}")]
    public static partial void Deposited(ILogger logger, string actor, string amount, string currency, string userId, string depositId, string outcome);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Operator {Actor} refunded payment {PaymentId} (refund {RefundId}, amount {Amount}): {Outcome}")]
    public static partial void Refunded(ILogger logger, string actor, string paymentId, string refundId, string amount, string outcome);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Operator {Actor} retried failed event {FailedEventId}: {Outcome}")]
    public static partial void Retried(ILogger logger, string actor, string failedEventId, string outcome);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Operator {Actor} moved order {OrderId} from {From} to {To}: {Outcome}")]
    public static partial void MovedOrder(ILogger logger, string actor, string orderId, string from, string to, string outcome);
}
