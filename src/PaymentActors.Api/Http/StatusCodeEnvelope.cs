using Microsoft.AspNetCore.Diagnostics;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>
/// Gives the contract's envelope to error responses that the framework sends with no body of its own: an unknown
/// route (404), a known route with another method (405), a body that is not JSON (415), an unreadable request (400),
/// and, through <see cref="ApiExceptionHandler"/>, the request errors ASP.NET raises as
/// <see cref="BadHttpRequestException"/> (a body over the limit, 413; a body sent too slowly, 408).
/// </summary>
public static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext context) =>
        Write(context.HttpContext, context.HttpContext.Response.StatusCode);

    public static Task Write(HttpContext httpContext, int status) =>
        ApiResults.Error(status, ErrorFor(httpContext.Request, status)).ExecuteAsync(httpContext);

    private static ApiError ErrorFor(HttpRequest request, int status) => status switch
    {
        StatusCodes.Status404NotFound => new ApiError(ErrorCodes.NotFound, $"No route matches {request.Path}."),
        StatusCodes.Status405MethodNotAllowed => new ApiError(ErrorCodes.MethodNotAllowed, $"{request.Method} is not allowed on {request.Path}."),
        StatusCodes.Status415UnsupportedMediaType => new ApiError(ErrorCodes.UnsupportedMediaType, "Send the request body as application/json.", "Content-Type"),
        StatusCodes.Status413PayloadTooLarge => new ApiError(ErrorCodes.PayloadTooLarge, "The request body is too large.", "body"),
        StatusCodes.Status408RequestTimeout => new ApiError(ErrorCodes.RequestTimeout, "The request body was not received in time."),
        StatusCodes.Status400BadRequest => new ApiError(ErrorCodes.ValidationError, "The request could not be read."),
        _ when status >= 500 => new ApiError(ErrorCodes.InternalError, "An unexpected error occurred."),
        _ => new ApiError(ErrorCodes.ValidationError, $"The request was refused with status {status}."),
    };
}
