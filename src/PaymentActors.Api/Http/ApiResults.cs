using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>Builds responses in the envelope of the contract.</summary>
public static class ApiResults
{
    public static IResult Ok<T>(T data) => TypedResults.Json(new ApiResponse<T>(data), statusCode: StatusCodes.Status200OK);

    /// <summary>A success with another status than 200 (201 for a created resource).</summary>
    public static IResult Json<T>(int statusCode, T data) => TypedResults.Json(new ApiResponse<T>(data), statusCode: statusCode);

    /// <summary>A success with a <c>Location</c> header: 202 for work in flight, 200 once it has finished.</summary>
    public static IResult Located<T>(int statusCode, string location, T data) =>
        new LocatedJsonResult<ApiResponse<T>>(new ApiResponse<T>(data), statusCode, location);

    public static IResult Error(int statusCode, ApiError error) => TypedResults.Json(new ApiErrorResponse(error), statusCode: statusCode);

    public static IResult Error(int statusCode, string code, string message, string? field = null) =>
        Error(statusCode, new ApiError(code, message, field));

    public static IResult Invalid(ApiError error) => Error(StatusCodes.Status400BadRequest, error);
}
