namespace PaymentActors.MockGateway.Http;

/// <summary>The gateway's error answers, all in the <see cref="ErrorEnvelope"/> shape.</summary>
public static class ApiResults
{
    public static IResult Error(int statusCode, ErrorBody error) =>
        TypedResults.Json(ErrorEnvelope.Of(error), MockGatewayJsonContext.Default.ErrorEnvelope, statusCode: statusCode);

    public static IResult BadRequest(ErrorBody error) => Error(StatusCodes.Status400BadRequest, error);

    public static IResult Conflict(string message, string field) =>
        Error(StatusCodes.Status409Conflict, new ErrorBody(ErrorCodes.IdempotencyConflict, message, field));

    public static IResult Unavailable() => Error(
        StatusCodes.Status503ServiceUnavailable,
        new ErrorBody(ErrorCodes.GatewayUnavailable, "The gateway is down; nothing was processed.", null));
}
