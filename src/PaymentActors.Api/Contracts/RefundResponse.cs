using System.ComponentModel;
using PaymentActors.Payments;

namespace PaymentActors.Api.Contracts;

/// <summary>Money returned from a completed payment to the user's wallet.</summary>
public sealed record RefundResponse(
    [property: Description("\"rf_\" followed by 32 hex digits; derived from the Idempotency-Key when one was sent.")]
    string Id,
    string PaymentId,
    string Amount,
    string Currency,
    string? Reason,
    [property: Description("pending (the gateway is being asked), succeeded (credited to the wallet) or failed (the gateway declined; nothing was credited).")]
    string Status,
    DateTime CreatedAt)
{
    public static RefundResponse From(RefundView refund, string paymentId, string currency) => new(
        refund.Id,
        paymentId,
        Money.Money.Format(refund.Amount, currency),
        currency,
        refund.Reason,
        ToWireName(refund.Status),
        refund.CreatedAt.UtcDateTime);

    private static string ToWireName(RefundStatus status) => status switch
    {
        RefundStatus.Pending => "pending",
        RefundStatus.Succeeded => "succeeded",
        RefundStatus.Failed => "failed",
        _ => "unknown",
    };
}
