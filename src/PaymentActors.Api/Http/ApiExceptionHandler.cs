using Microsoft.AspNetCore.Diagnostics;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>
/// Turns an exception that escaped an endpoint into the contract's envelope: 503 when the cluster did not
/// answer (the client may retry with the same Idempotency-Key), 500 otherwise. Bad input never gets here:
/// endpoints refuse it before calling a grain.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var unavailable = exception is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException;
        if (unavailable)
        {
            LogClusterUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        var result = unavailable
            ? ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The payment cluster did not answer in time; retry with the same Idempotency-Key.")
            : ApiResults.Error(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "An unexpected error occurred.");
        await result.ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster did not answer {Method} {Path}")]
    private static partial void LogClusterUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
