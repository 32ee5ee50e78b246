using System.Globalization;
using PaymentActors.Cli.Api;

namespace PaymentActors.Cli.Monitor;

/// <summary>How the monitor tells each catalogue event: whether the step went well, and one line about it.</summary>
internal static class PaymentSteps
{
    public const string PaymentInitiated = "payment.initiated";
    public const string FundsReserved = "wallet.funds_reserved";
    public const string ReservationFailed = "wallet.reservation_failed";
    public const string GatewayApproved = "gateway.payment_approved";
    public const string GatewayRejected = "gateway.payment_rejected";
    public const string FundsDeducted = "wallet.funds_deducted";
    public const string FundsReleased = "wallet.funds_released";
    public const string ReservationExpired = "wallet.reservation_expired";
    public const string PaymentCompleted = "payment.completed";
    public const string PaymentFailed = "payment.failed";
    public const string PaymentCancelled = "payment.cancelled";

    /// <summary>The events that end a payment's saga.</summary>
    public static bool IsEnding(string type) => type is PaymentCompleted or PaymentFailed or PaymentCancelled;

    /// <summary>A step that did not go the payment's way (the payment may still end well after a retry).</summary>
    public static bool IsSetback(string type) =>
        type is ReservationFailed or GatewayRejected or FundsReleased or ReservationExpired or PaymentFailed or PaymentCancelled;

    public static string Describe(PaymentEventView step)
    {
        var amount = Money(step.Amount, step.Currency);
        var because = step.Reason is null ? "" : $" ({step.Reason})";
        return step.Type switch
        {
            PaymentInitiated => $"payment of {amount} accepted",
            FundsReserved => $"{amount} reserved in the wallet",
            ReservationFailed => $"the wallet could not reserve {amount}{because}",
            GatewayApproved => "the gateway approved the charge",
            GatewayRejected => $"the gateway declined the charge{because}",
            FundsDeducted => $"{amount} deducted from the wallet",
            FundsReleased => $"{amount} released back to the wallet{because}",
            ReservationExpired => $"the reservation of {amount} expired",
            PaymentCompleted => "payment completed",
            PaymentFailed => $"payment failed{because}",
            PaymentCancelled => "payment cancelled",
            _ => $"{amount}{because}",
        };
    }

    public static string Money(decimal amount, string? currency) =>
        amount.ToString(CultureInfo.InvariantCulture) + (currency is null ? "" : " " + currency);
}
