using System.ComponentModel;
using PaymentActors.Payments;

namespace PaymentActors.Api.Contracts;

/// <summary>A payment as the client sees it.</summary>
public sealed record PaymentResponse(
    string Id,
    string UserId,
    string ServiceId,
    [property: Description(
        "pending, reserved, processing, completed, failed, cancelled, partially_refunded or refunded. " +
        "completed, failed and cancelled end the payment; a completed one may still be refunded (partially_refunded, refunded).")]
    string Status,
    string Amount,
    string Currency,
    string? Description,
    [property: Description("Why the payment failed (e.g. insufficient_funds, gateway_rejected, gateway_unavailable), or null.")]
    string? FailureReason,
    [property: Description("The sum of the succeeded refunds, with the currency's decimals.")]
    string RefundedAmount,
    [property: Description("Every refund asked for, oldest first, including pending and declined ones.")]
    IReadOnlyList<RefundResponse> Refunds,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: Description("The order this payment pays, or null.")]
    string? OrderId = null,
    [property: Description("Charges, refunds and voids at the gateway, oldest first; given by GET /payments/{id} (null elsewhere).")]
    IReadOnlyList<TransactionResponse>? Transactions = null)
{
    public static PaymentResponse From(PaymentSnapshot payment, IReadOnlyList<TransactionResponse>? transactions = null)
    {
        var currency = payment.Request.Amount.Currency;
        return new PaymentResponse(
            payment.Id,
            payment.Request.UserId,
            payment.Request.ServiceId,
            payment.Status.ToWireName(),
            payment.Request.Amount.ToString(),
            currency,
            payment.Request.Description,
            payment.FailureReason,
            Money.Money.Format(payment.RefundedAmount, currency),
            (payment.Refunds ?? []).Select(refund => RefundResponse.From(refund, payment.Id, currency)).ToList(),
            payment.CreatedAt.UtcDateTime,
            payment.UpdatedAt.UtcDateTime,
            payment.Request.OrderId,
            transactions);
    }
}
