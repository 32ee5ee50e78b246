namespace PaymentActors.Orders;

[GenerateSerializer, Alias("PaymentActors.OrderOutcome")]
public enum OrderOutcome
{
    Done = 0,
    NotFound = 1,
    /// <summary>Create: the order exists with this very request (an idempotent replay).</summary>
    AlreadyExists = 2,
    /// <summary>Create: the id is taken by a different request (an idempotency key reused).</summary>
    RequestMismatch = 3,
    /// <summary>Update or cancel: not pending, or a payment for it is in flight.</summary>
    NotModifiable = 4,
    /// <summary>Claim: the payment's amount or currency is not the order's total.</summary>
    AmountMismatch = 5,
    /// <summary>Claim: the order is cancelled, paid or beyond.</summary>
    NotPayable = 6,
    /// <summary>Claim: another payment for the order is in flight.</summary>
    AlreadyPaid = 7,
    /// <summary>Claim: the payment's user does not own the order.</summary>
    UserMismatch = 8,
    /// <summary>Status: not a forward step from the current status.</summary>
    InvalidTransition = 9,
}
