using Microsoft.AspNetCore.Diagnostics;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>
/// Gives the contract's envelope to error responses that the framework sends with no body of its own:
/// an unknown route (404), a known route with another method (405), a body that is not JSON (415), an unreadable request (400).
/// </summary>
public static class StatusCodeEnvelope
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var httpContext = context.HttpContext;
        var status = httpContext.Response.StatusCode;
        var error = status switch
        {
            StatusCodes.Status404NotFound => new ApiError(ErrorCodes.NotFound, $"No route matches {httpContext.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => new ApiError(ErrorCodes.MethodNotAllowed, $"{httpContext.Request.Method} is not allowed on {httpContext.Request.Path}."),
            StatusCodes.Status415UnsupportedMediaType => new ApiError(ErrorCodes.UnsupportedMediaType, "Send the request body as application/json.", "Content-Type"),
            StatusCodes.Status400BadRequest => new ApiError(ErrorCodes.ValidationError, "The request could not be read."),
            _ when status >= 500 => new ApiError(ErrorCodes.InternalError, "An unexpected error occurred."),
            _ => new ApiError(ErrorCodes.ValidationError, $"The request was refused with status {status}."),
        };
        return ApiResults.Error(status, error).ExecuteAsync(httpContext);
    }
}
