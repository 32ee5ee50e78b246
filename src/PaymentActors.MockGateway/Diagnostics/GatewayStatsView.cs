namespace PaymentActors.MockGateway.Diagnostics;

/// <param name="RequestsReceived">Every call to /charges and /refunds, including those answered 503.</param>
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
    long ChargesInProgress);
