using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>A request body read by <see cref="JsonBodyReader"/>: the value, or the error to answer with and its status.</summary>
public readonly record struct JsonBody<T>(T? Value, ApiError? Error, int Status = StatusCodes.Status400BadRequest)
    where T : class
{
    /// <summary>The error as a response; only meaningful when <see cref="Error"/> is set.</summary>
    public IResult Refusal => ApiResults.Error(Status, Error!);
}
