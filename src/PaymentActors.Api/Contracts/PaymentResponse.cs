using System.ComponentModel;
using PaymentActors.Payments;

namespace PaymentActors.Api.Contracts;

/// <summary>A payment as the client sees it.</summary>
public sealed record PaymentResponse(
    string Id,
    string UserId,
    string ServiceId,
    [property: Description("pending, reserved, processing, completed or failed; completed and failed are final.")]
    string Status,
    string Amount,
    string Currency,
    string? Description,
    [property: Description("Why the payment failed (e.g. insufficient_funds, gateway_rejected), or null.")]
    string? FailureReason,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static PaymentResponse From(PaymentSnapshot payment) => new(
        payment.Id,
        payment.Request.UserId,
        payment.Request.ServiceId,
        payment.Status.ToWireName(),
        payment.Request.Amount.ToString(),
        payment.Request.Amount.Currency,
        payment.Request.Description,
        payment.FailureReason,
        payment.CreatedAt.UtcDateTime,
        payment.UpdatedAt.UtcDateTime);
}
