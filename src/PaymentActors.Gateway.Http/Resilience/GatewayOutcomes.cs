using System.Net;
using Polly;
using Polly.Timeout;

namespace PaymentActors.Gateway.Http.Resilience;

/// <summary>How one attempt's outcome is judged, shared by the retry, the breaker and the final answer.</summary>
internal static class GatewayOutcomes
{
    /// <summary>
    /// The gateway failed, as opposed to answering: no connection, no answer in time, 5xx, 408 or 429.
    /// Declines and other 4xx are answers, so they are never retried and never count against the breaker.
    /// </summary>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: null, Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    /// <summary>The attempt failed in a way that leaves open whether the gateway processed it.</summary>
    public static bool MayHaveBeenProcessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => true,
        { Exception: HttpRequestException exception } => !NeverSent(exception),
        { Exception: null, Result: { } response } => IsAmbiguousStatus(response.StatusCode),
        _ => false,
    };

    /// <summary>
    /// The attempt provably did not take effect: the connection was refused (nothing sent), or the gateway answered 503
    /// with <see cref="NotProcessedHeader"/> (the mock's outage). A plain 503 (say, from a proxy) proves nothing.
    /// </summary>
    public static bool ProvablyNotProcessed(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException exception } => NeverSent(exception),
        { Exception: null, Result: { } response } => SaysNotProcessed(response),
        _ => false,
    };

    /// <summary>The gateway's explicit "nothing was processed" on a 503.</summary>
    public const string NotProcessedHeader = "Gateway-Not-Processed";

    public static bool SaysNotProcessed(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
        && response.Headers.TryGetValues(NotProcessedHeader, out var values)
        && values.Contains("true", StringComparer.OrdinalIgnoreCase);

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>502 and 503 say the gateway did not process the call; a 500 or 504 may come after it did.</summary>
    public static bool IsAmbiguousStatus(HttpStatusCode status) =>
        (int)status >= 500 && status is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable);

    /// <summary>The failure happened while connecting, so not a byte of the request reached the gateway.</summary>
    public static bool NeverSent(HttpRequestException exception) => exception.HttpRequestError
        is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException exception } => $"{nameof(HttpRequestException)} ({exception.HttpRequestError})",
        { Exception: { } exception } => exception.GetType().Name,
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "no outcome",
    };
}
