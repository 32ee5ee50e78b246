using Microsoft.Extensions.Logging;

namespace PaymentActors.Grains.Payments;

internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Step {Step} of payment {PaymentId} failed (attempt {Attempt}); retrying")]
    public static partial void StepRetry(ILogger logger, Exception exception, string step, string paymentId, int attempt);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Saga of payment {PaymentId} stopped at status {Status}; it resumes on its next activation")]
    public static partial void SagaStopped(ILogger logger, Exception exception, string paymentId, string status);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Payment {PaymentId} was charged after its reservation ended; refunding at the gateway")]
    public static partial void RefundingOrphanCharge(ILogger logger, string paymentId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Publishing event {EventType} of payment {PaymentId} failed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string eventType, string paymentId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "The failure of payment {PaymentId} could not be recorded")]
    public static partial void FailureNotRecorded(ILogger logger, Exception exception, string paymentId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Payment {PaymentId} ended {Status} ({Reason})")]
    public static partial void Ended(ILogger logger, string paymentId, string status, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Storage refused the write of payment {PaymentId} at status {Status} for what it is; it is not retried and the payment is left to an operator (failed event)")]
    public static partial void WriteRefused(ILogger logger, Exception exception, string paymentId, string status);
}
