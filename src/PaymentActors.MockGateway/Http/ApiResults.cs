namespace PaymentActors.MockGateway.Http;

/// <summary>The gateway's error answers, all in the <see cref="ErrorEnvelope"/> shape.</summary>
public static class ApiResults
{
    public static IResult Error(int statusCode, ErrorBody error) =>
        TypedResults.Json(ErrorEnvelope.Of(error), MockGatewayJsonContext.Default.ErrorEnvelope, statusCode: statusCode);

    public static IResult BadRequest(ErrorBody error) => Error(StatusCodes.Status400BadRequest, error);

    public static IResult Conflict(string message, string field) =>
        Error(StatusCodes.Status409Conflict, new ErrorBody(ErrorCodes.IdempotencyConflict, message, field));

    /// <summary>
    /// The outage's answer, given before anything is read: it says explicitly that nothing was processed (code
    /// <c>not_processed</c> and the <see cref="NotProcessedHeader"/> header), so a client may take the call elsewhere.
    /// </summary>
    public static IResult Unavailable() => new NotProcessedResult(Error(
        StatusCodes.Status503ServiceUnavailable,
        new ErrorBody(ErrorCodes.NotProcessed, "The gateway is down; nothing was processed.", null)));

    public const string NotProcessedHeader = "Gateway-Not-Processed";

    private sealed class NotProcessedResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[NotProcessedHeader] = "true";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
