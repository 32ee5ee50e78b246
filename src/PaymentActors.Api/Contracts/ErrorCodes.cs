namespace PaymentActors.Api.Contracts;

/// <summary>The error codes of the API contract; clients switch on these, so they never change.</summary>
public static class ErrorCodes
{
    /// <summary>400: malformed JSON, a wrong type, a missing field or a value out of its limits.</summary>
    public const string ValidationError = "validation_error";

    /// <summary>404: no payment has this id.</summary>
    public const string PaymentNotFound = "payment_not_found";

    /// <summary>404: this user has never deposited, so there is no wallet.</summary>
    public const string WalletNotFound = "wallet_not_found";

    /// <summary>404: no failed event has this id.</summary>
    public const string FailedEventNotFound = "failed_event_not_found";

    /// <summary>404: no route matches the path.</summary>
    public const string NotFound = "not_found";

    /// <summary>405: the route exists but not with this method.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>415: the body is not sent as <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>413: the request body is larger than <c>Api:MaxRequestBodyBytes</c>.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>408: the request body did not arrive in time.</summary>
    public const string RequestTimeout = "request_timeout";

    /// <summary>409: a request with this Idempotency-Key is still being made durable; retry shortly.</summary>
    public const string IdempotencyKeyInUse = "idempotency_key_in_use";

    /// <summary>422: this Idempotency-Key was used before with a different request.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    /// <summary>409: only a payment that has not reached the gateway (pending or reserved) can be cancelled.</summary>
    public const string PaymentNotCancellable = "payment_not_cancellable";

    /// <summary>409: only a completed (or partly refunded) payment can be refunded.</summary>
    public const string PaymentNotRefundable = "payment_not_refundable";
    public const string RefundLimitReached = "refund_limit_reached";

    /// <summary>409: the failure was a business outcome (no funds, a decline); retrying cannot change it.</summary>
    public const string FailedEventNotRetryable = "failed_event_not_retryable";

    /// <summary>409: the failed event is already being retried or was resolved.</summary>
    public const string FailedEventNotFailed = "failed_event_not_failed";

    /// <summary>422: the refunds would add up to more than the payment.</summary>
    public const string RefundExceedsPayment = "refund_exceeds_payment";

    /// <summary>422: the gateway declined the refund; nothing was credited.</summary>
    public const string RefundDeclined = "refund_declined";

    /// <summary>422: the wallet holds another currency than the deposit.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>401: no bearer token, or one that is invalid or expired.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: the token is valid but its principal may not do this (a user on an operator route, or paying from another's wallet).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>429: this principal (or client address) sent more requests than its rate limit allows; see Retry-After.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>503: the cluster did not answer in time; the request may be retried with the same Idempotency-Key.</summary>
    public const string ServiceUnavailable = "service_unavailable";

    /// <summary>500: a fault of ours; nothing the client sent explains it.</summary>
    public const string InternalError = "internal_error";

    /// <summary>404: no order has this id (or it is another user's).</summary>
    public const string OrderNotFound = "order_not_found";

    /// <summary>409: the order is not pending, or a payment for it is in flight, so its items, addresses and notes stay as they are.</summary>
    public const string OrderNotModifiable = "order_not_modifiable";

    /// <summary>422: a payment for an order must carry the order's total in the order's currency.</summary>
    public const string OrderAmountMismatch = "order_amount_mismatch";

    /// <summary>409: the order is cancelled, paid or beyond, so no payment may pay it.</summary>
    public const string OrderNotPayable = "order_not_payable";

    /// <summary>409: another payment for this order is in flight; this one was refused before any funds were reserved.</summary>
    public const string OrderAlreadyPaid = "order_already_paid";

    /// <summary>409: an operator's order status must move forward: paid → processing → shipped → delivered.</summary>
    public const string OrderStatusNotAllowed = "order_status_not_allowed";

    /// <summary>404: no transaction has this id (or it is another user's).</summary>
    public const string TransactionNotFound = "transaction_not_found";
}
