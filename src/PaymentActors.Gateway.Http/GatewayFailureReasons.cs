namespace PaymentActors.Gateway.Http;

/// <summary>
/// The <see cref="PaymentActors.Gateway.GatewayResponse.Reason"/> of an Unavailable or Unknown answer: why the
/// adapter has no verdict from the gateway. Other statuses the gateway returns as <c>http_{code}</c>.
/// </summary>
public static class GatewayFailureReasons
{
    /// <summary>The circuit is open: the call failed fast and never left this process.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The gateway is still processing an earlier request of this charge (202 <c>processing</c>): send it again later.</summary>
    public const string InProgress = "in_progress";

    /// <summary>The gateway answered 503 (or 502): it processed nothing.</summary>
    public const string GatewayUnavailable = "gateway_unavailable";

    /// <summary>No connection could be made: the request never left.</summary>
    public const string ConnectionFailed = "connection_failed";

    /// <summary>The connection broke after the request was sent.</summary>
    public const string ConnectionLost = "connection_lost";

    /// <summary>No answer within the attempt timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>An answer arrived that could not be read.</summary>
    public const string UnreadableResponse = "unreadable_response";

    /// <summary>
    /// The last attempt did not get through, but an earlier one went unanswered (it timed out or its connection
    /// broke) and may have been processed: the outcome is unknown, not unavailable.
    /// </summary>
    public const string UnansweredEarlierAttempt = "unanswered_earlier_attempt";
}
