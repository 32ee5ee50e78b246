using Microsoft.AspNetCore.Diagnostics;
using PaymentActors.Api.Contracts;

namespace PaymentActors.Api.Http;

/// <summary>
/// Turns an exception that escaped an endpoint into the contract's envelope: 503 when the cluster did not
/// answer (the client may retry with the same Idempotency-Key), 500 otherwise. Bad input gets here only as ASP.NET's
/// own <see cref="BadHttpRequestException"/> (a body over Kestrel's limit or too slow, a request that binding could not
/// read): it keeps its status (413, 408, 400) and gets the envelope. Endpoints refuse every other bad input themselves.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        if (exception is BadHttpRequestException badRequest)
        {
            LogBadRequest(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, badRequest.Message);

            // The body was left unread (too large, too slow or broken): the connection cannot serve another request.
            httpContext.Response.Headers.Connection = "close";
            await StatusCodeEnvelope.Write(httpContext, badRequest.StatusCode);
            return true;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string method, PathString path, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster did not answer {Method} {Path}")]
    private static partial void LogClusterUnavailable(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
