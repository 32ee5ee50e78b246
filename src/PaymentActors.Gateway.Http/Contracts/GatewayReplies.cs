using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaymentActors.Gateway.Http.Resilience;

namespace PaymentActors.Gateway.Http.Contracts;

/// <summary>Turns the gateway's final HTTP answer into a <see cref="GatewayResponse"/>.</summary>
internal static class GatewayReplies
{
    public static Task<GatewayResponse> ReadAsync(
        GatewayOperation operation,
        HttpResponseMessage response,
        bool earlierAttemptUnanswered,
        CancellationToken cancellationToken) =>
        ReadAsync(operation, response, earlierAttemptUnanswered, earlierAttemptUnproven: false, cancellationToken);

    /// <param name="earlierAttemptUnproven">An earlier attempt of this call failed without proving it was not processed.</param>
    public static async Task<GatewayResponse> ReadAsync(
        GatewayOperation operation,
        HttpResponseMessage response,
        bool earlierAttemptUnanswered,
        bool earlierAttemptUnproven,
        CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        switch (status)
        {
            case HttpStatusCode.OK:
                var reply = await TryReadAsync(response, GatewayJsonContext.Default.GatewayReply, cancellationToken);
                return reply?.Status switch
                {
                    "approved" => GatewayResponse.Approved(ReferenceOf(operation, reply)) with { ExpiresAt = operation == GatewayOperation.Authorize ? reply.ExpiresAt : null },
                    "declined" => GatewayResponse.Declined(reply.Reason ?? "declined"),
                    _ => NoVerdict(operation, GatewayFailureReasons.UnreadableResponse, mayHaveBeenProcessed: true, earlierAttemptUnanswered),
                };
            case HttpStatusCode.Accepted when operation != GatewayOperation.GetCharge:
                // A re-sent charge, or a refund of a charge, that the gateway is still processing: no verdict yet, ask again.
                return new GatewayResponse(GatewayStatus.Unknown, GatewayFailureReasons.InProgress);
            case HttpStatusCode.NotFound when operation == GatewayOperation.GetCharge:
                return new GatewayResponse(GatewayStatus.NotFound);
            case HttpStatusCode.NotFound when operation is GatewayOperation.Capture or GatewayOperation.Void:
                // The gateway holds no such authorization: a final answer, which no re-send changes.
                return GatewayResponse.Declined(AuthorizationNotFound);
            case HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity:
                // The gateway refused this request as it stands: nothing was charged by it, and repeating it can't help.
                var error = await TryReadAsync(response, GatewayJsonContext.Default.GatewayErrorReply, cancellationToken);
                return GatewayResponse.Declined(error?.Error?.Code ?? HttpReason(status));
            case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable:
                return NoVerdict(operation, GatewayFailureReasons.GatewayUnavailable, mayHaveBeenProcessed: false, earlierAttemptUnanswered) with
                {
                    NotProcessed = GatewayOutcomes.SaysNotProcessed(response) && !earlierAttemptUnanswered && !earlierAttemptUnproven,
                };
            default:
                return NoVerdict(operation, HttpReason(status), GatewayOutcomes.IsAmbiguousStatus(status), earlierAttemptUnanswered);
        }
    }

    /// <summary>
    /// No verdict from the gateway. A read changes nothing, so it is simply Unavailable. A charge or refund that
    /// this attempt or an earlier one may have got processed is Unknown (reconcile, never guess); otherwise it is
    /// Unavailable (nothing happened, safe to try again).
    /// </summary>
    public static GatewayResponse NoVerdict(GatewayOperation operation, string reason, bool mayHaveBeenProcessed, bool earlierAttemptUnanswered)
    {
        if (operation == GatewayOperation.GetCharge)
        {
            return new GatewayResponse(GatewayStatus.Unavailable, reason);
        }

        if (mayHaveBeenProcessed)
        {
            return new GatewayResponse(GatewayStatus.Unknown, reason);
        }

        return earlierAttemptUnanswered
            ? new GatewayResponse(GatewayStatus.Unknown, GatewayFailureReasons.UnansweredEarlierAttempt)
            : new GatewayResponse(GatewayStatus.Unavailable, reason);
    }

    public const string AuthorizationNotFound = "authorization_not_found";

    private static string? ReferenceOf(GatewayOperation operation, GatewayReply reply) => operation switch
    {
        GatewayOperation.Authorize or GatewayOperation.Void => reply.AuthorizationId,
        GatewayOperation.Capture => reply.Id,
        _ => reply.ChargeId ?? reply.RefundId,
    };

    private static string HttpReason(HttpStatusCode status) => $"http_{(int)status}";

    private static async Task<T?> TryReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
