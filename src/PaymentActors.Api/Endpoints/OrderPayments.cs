using PaymentActors.Api.Contracts;
using PaymentActors.Api.Http;
using PaymentActors.Api.Validation;
using PaymentActors.Orders;
using PaymentActors.Payments;

namespace PaymentActors.Api.Endpoints;

/// <summary>
/// A payment that names an order claims the order before the payment exists, so before any funds are reserved: of two
/// racing payments the order admits one, and the other is refused with <c>order_already_paid</c>.
/// </summary>
public static class OrderPayments
{
    /// <summary>The refusal to answer, or null when the order is claimed for this payment (or already was).</summary>
    public static async Task<IResult?> ClaimAsync(IGrainFactory grains, string orderId, string paymentId, string userId, Money.Money amount)
    {
        var claim = await grains.GetGrain<IOrderGrain>(orderId).ClaimAsync(paymentId, userId, amount);
        return claim.Outcome switch
        {
            OrderOutcome.Done => null,
            // Another user's order is not disclosed.
            OrderOutcome.NotFound or OrderOutcome.UserMismatch => OrderEndpoints.OrderNotFound(orderId, OrderEndpoints.OrderIdField),
            OrderOutcome.AmountMismatch => ApiResults.Error(
                StatusCodes.Status422UnprocessableEntity, ErrorCodes.OrderAmountMismatch,
                $"Order '{orderId}' totals {Money.Money.Format(claim.Order!.TotalAmount, claim.Order.Draft.Currency)} {claim.Order.Draft.Currency}; " +
                "a payment for it must carry exactly that amount and currency.", InputValidation.AmountField),
            OrderOutcome.NotPayable => ApiResults.Error(
                StatusCodes.Status409Conflict, ErrorCodes.OrderNotPayable,
                $"Order '{orderId}' is {claim.Order!.Status.ToWireName()}; only a pending order can be paid.", OrderEndpoints.OrderIdField),
            OrderOutcome.AlreadyPaid => ApiResults.Error(
                StatusCodes.Status409Conflict, ErrorCodes.OrderAlreadyPaid,
                $"Payment '{claim.Order!.PaymentId}' is already paying order '{orderId}'; no funds were reserved for this one.", OrderEndpoints.OrderIdField),
            _ => throw new InvalidOperationException($"Unexpected claim outcome {claim.Outcome}."),
        };
    }

    /// <summary>Frees the order when the payment was not created for it (an idempotency key reused for another request).</summary>
    public static Task ReleaseIfNotCreatedAsync(IGrainFactory grains, string? orderId, string paymentId, CreatePaymentResult result) =>
        orderId is not null && result.Outcome == CreatePaymentOutcome.RequestMismatch && result.Payment?.Request.OrderId != orderId
            ? grains.GetGrain<IOrderGrain>(orderId).ReleaseClaimAsync(paymentId)
            : Task.CompletedTask;
}
