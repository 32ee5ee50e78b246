using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Contracts;
using PaymentActors.Gateway.Http.Diagnostics;
using PaymentActors.Gateway.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PaymentActors.Gateway.Http;

/// <summary>
/// <see cref="IPaymentGateway"/> over HTTP to one provider, through the resilience pipeline of that provider's named
/// client (<see cref="ClientNameOf"/>). Stateless apart from the provider's breaker, so one instance serves concurrent calls.
/// </summary>
/// <remarks>
/// A caller's cancellation surfaces as <see cref="OperationCanceledException"/>; if it came after the request was
/// sent, the caller must treat the charge as unknown and re-send it (same payment id and attempt) until it gets a definitive answer.
/// </remarks>
public sealed class HttpPaymentGateway : IPaymentGateway
{
    public const string HttpClientName = "PaymentActors.Gateway";

    private readonly string _provider;
    private readonly string _clientName;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly GatewayCircuitState _circuit;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HttpPaymentGateway> _logger;

    internal HttpPaymentGateway(
        string provider,
        IHttpClientFactory httpClientFactory,
        GatewayCircuitState circuit,
        GatewayMetrics metrics,
        TimeProvider timeProvider,
        ILogger<HttpPaymentGateway> logger)
    {
        _provider = provider;
        _clientName = ClientNameOf(provider);
        _httpClientFactory = httpClientFactory;
        _circuit = circuit;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The provider this client calls.</summary>
    public string Provider => _provider;

    /// <summary>Each provider has its own named client, so its own pipeline and breaker.</summary>
    public static string ClientNameOf(string provider) => HttpClientName + ":" + provider;

    public Task<GatewayResponse> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new ChargeBody(request.PaymentId, request.UserId, request.Amount.ToString(), request.Amount.Currency, request.Attempt);
        return CallAsync(
            GatewayOperation.Charge,
            request.PaymentId,
            () => new HttpRequestMessage(HttpMethod.Post, "charges") { Content = JsonContent.Create(body, GatewayJsonContext.Default.ChargeBody) },
            cancellationToken);
    }

    public Task<GatewayResponse> GetChargeAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(paymentId);
        return CallAsync(
            GatewayOperation.GetCharge,
            paymentId,
            () => new HttpRequestMessage(HttpMethod.Get, "charges/" + Uri.EscapeDataString(paymentId)),
            cancellationToken);
    }

    public Task<GatewayResponse> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new RefundBody(request.RefundId, request.PaymentId, request.Amount.ToString(), request.Amount.Currency, request.Attempt);
        return CallAsync(
            GatewayOperation.Refund,
            request.PaymentId,
            () => new HttpRequestMessage(HttpMethod.Post, "refunds") { Content = JsonContent.Create(body, GatewayJsonContext.Default.RefundBody) },
            cancellationToken);
    }

    public Task<GatewayResponse> AuthorizeAsync(AuthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new AuthorizationBody(request.PaymentId, request.UserId, request.Amount.ToString(), request.Amount.Currency, request.Attempt);
        return CallAsync(
            GatewayOperation.Authorize,
            request.PaymentId,
            () => new HttpRequestMessage(HttpMethod.Post, "authorizations") { Content = JsonContent.Create(body, GatewayJsonContext.Default.AuthorizationBody) },
            cancellationToken);
    }

    public Task<GatewayResponse> CaptureAsync(CaptureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new CaptureBody(request.CaptureId, request.Amount?.ToString());
        return CallAsync(
            GatewayOperation.Capture,
            request.PaymentId,
            () => new HttpRequestMessage(HttpMethod.Post, $"authorizations/{Uri.EscapeDataString(request.AuthorizationId)}/capture")
            {
                Content = JsonContent.Create(body, GatewayJsonContext.Default.CaptureBody),
            },
            cancellationToken);
    }

    public Task<GatewayResponse> VoidAsync(VoidAuthorizationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(
            GatewayOperation.Void,
            request.PaymentId,
            () => new HttpRequestMessage(HttpMethod.Post, $"authorizations/{Uri.EscapeDataString(request.AuthorizationId)}/void"),
            cancellationToken);
    }

    private async Task<GatewayResponse> CallAsync(
        GatewayOperation operation,
        string paymentId,
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        GatewayResponse response;
        try
        {
            context.Properties.Set(GatewayResilienceKeys.Operation, GatewayTagValues.Of(operation));
            using var request = createRequest();

            // Our own context, so the retry can tell us afterwards whether an earlier attempt went unanswered.
            request.SetResilienceContext(context);
            response = await ExchangeAsync(operation, request, context, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var elapsed = _timeProvider.GetElapsedTime(started);
        _metrics.RecordCall(_provider, operation, response.Status, elapsed);
        if (response.Status is GatewayStatus.Unavailable or GatewayStatus.Unknown or GatewayStatus.CircuitOpen)
        {
            GatewayLog.CallWithoutVerdict(_logger, GatewayTagValues.Of(operation), paymentId, response.Status, response.Reason, elapsed);
        }
        else
        {
            GatewayLog.CallCompleted(_logger, GatewayTagValues.Of(operation), paymentId, response.Status, response.Reason, elapsed);
        }

        return response;
    }

    private async Task<GatewayResponse> ExchangeAsync(
        GatewayOperation operation,
        HttpRequestMessage request,
        ResilienceContext context,
        CancellationToken cancellationToken)
    {
        try
        {
            using var reply = await _httpClientFactory.CreateClient(_clientName).SendAsync(request, cancellationToken);
            return await GatewayReplies.ReadAsync(operation, reply, EarlierAttemptUnanswered(context), EarlierAttemptUnproven(context), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            _circuit.RecordRejected();

            // Refused before this call sent anything: say so, so that the payment fails at once instead of backing off
            // into the open breaker. If an earlier attempt of this call went unanswered, the outcome is unknown.
            var answer = operation == GatewayOperation.GetCharge || EarlierAttemptUnanswered(context)
                ? GatewayReplies.NoVerdict(operation, GatewayFailureReasons.CircuitOpen, mayHaveBeenProcessed: false, EarlierAttemptUnanswered(context))
                : new GatewayResponse(GatewayStatus.CircuitOpen, GatewayFailureReasons.CircuitOpen);
            return answer with { NotProcessed = !EarlierAttemptUnanswered(context) && !EarlierAttemptUnproven(context) };
        }
        catch (TimeoutRejectedException)
        {
            return GatewayReplies.NoVerdict(operation, GatewayFailureReasons.Timeout, mayHaveBeenProcessed: true, EarlierAttemptUnanswered(context));
        }
        catch (HttpRequestException exception)
        {
            var neverSent = GatewayOutcomes.NeverSent(exception);
            return GatewayReplies.NoVerdict(
                operation,
                neverSent ? GatewayFailureReasons.ConnectionFailed : GatewayFailureReasons.ConnectionLost,
                mayHaveBeenProcessed: !neverSent,
                EarlierAttemptUnanswered(context)) with
            {
                NotProcessed = neverSent && !EarlierAttemptUnanswered(context) && !EarlierAttemptUnproven(context),
            };
        }
    }

    private static bool EarlierAttemptUnanswered(ResilienceContext context) =>
        context.Properties.GetValue(GatewayResilienceKeys.EarlierAttemptUnanswered, false);

    private static bool EarlierAttemptUnproven(ResilienceContext context) =>
        context.Properties.GetValue(GatewayResilienceKeys.EarlierAttemptUnproven, false);
}
