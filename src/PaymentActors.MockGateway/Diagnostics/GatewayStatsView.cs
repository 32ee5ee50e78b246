namespace PaymentActors.MockGateway.Diagnostics;

/// <param name="RequestsReceived">Every call to /charges, /refunds and /authorizations, including those answered 503.</param>
/// <param name="ChargesApproved">New charges approved (replays not counted).</param>
/// <param name="ChargesDeclined">New charges declined (replays not counted).</param>
/// <param name="ChargeReplays">Repeated charges answered with the first outcome.</param>
/// <param name="ChargeLookups">Answered <c>GET /charges/{payment_id}</c> calls.</param>
/// <param name="RefundsApproved">New refunds approved.</param>
/// <param name="RefundsDeclined">New refunds declined.</param>
/// <param name="RefundReplays">Repeated refunds answered with the first outcome.</param>
/// <param name="UnavailableResponses">Calls answered 503 during an outage.</param>
/// <param name="HeldResponses">Responses held back to simulate a timeout (the call was recorded).</param>
/// <param name="RejectedRequests">Calls refused as malformed (4xx), which changed nothing.</param>
/// <param name="ChargesInProgress">Re-sent charges answered 202 "processing" because their first request was still being processed.</param>
/// <param name="AuthorizationsApproved">New authorizations approved (replays not counted).</param>
/// <param name="AuthorizationsDeclined">New authorizations declined.</param>
/// <param name="AuthorizationReplays">Repeated authorizations, captures and voids answered with the first outcome.</param>
/// <param name="AuthorizationsInProgress">Re-sent authorizations, captures and voids answered 202 "processing".</param>
/// <param name="CapturesApproved">Captures approved.</param>
/// <param name="CapturesDeclined">Captures declined (the authorization stays as it was).</param>
/// <param name="VoidsApproved">Voids approved.</param>
/// <param name="VoidsDeclined">Voids declined (the authorization was captured or never approved).</param>
public sealed record GatewayStatsView(
    long RequestsReceived,
    long ChargesApproved,
    long ChargesDeclined,
    long ChargeReplays,
    long ChargeLookups,
    long RefundsApproved,
    long RefundsDeclined,
    long RefundReplays,
    long UnavailableResponses,
    long HeldResponses,
    long RejectedRequests,
    long ChargesInProgress,
    long AuthorizationsApproved,
    long AuthorizationsDeclined,
    long AuthorizationReplays,
    long AuthorizationsInProgress,
    long CapturesApproved,
    long CapturesDeclined,
    long VoidsApproved,
    long VoidsDeclined);
