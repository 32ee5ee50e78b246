using Microsoft.Extensions.Logging;
using PaymentActors.Gateway.Http.Circuit;
using PaymentActors.Gateway.Http.Diagnostics;
using PaymentActors.Gateway.Http.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace PaymentActors.Gateway.Http.Resilience;

/// <summary>
/// Retry (outermost) → circuit breaker → per-attempt timeout. The breaker sits inside the retry so that every
/// attempt is sampled and an open circuit stops the retries at once; the timeout sits inside the breaker so a
/// slow gateway counts as a failing one.
/// </summary>
/// <remarks>
/// Retrying a charge whose attempt timed out is safe: the gateway is idempotent by payment id (refunds by
/// refund id), so a repeat can only return the first outcome, never charge twice — and it often turns an
/// unknown outcome into a known one.
/// </remarks>
internal static class GatewayResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        string provider,
        HttpGatewayOptions options,
        GatewayCircuitState circuit,
        GatewayMetrics metrics,
        ILogger logger)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(GatewayOutcomes.IsTransientFailure(args.Outcome)),
                OnRetry = args =>
                {
                    if (GatewayOutcomes.MayHaveBeenProcessed(args.Outcome))
                    {
                        args.Context.Properties.Set(GatewayResilienceKeys.EarlierAttemptUnanswered, true);
                    }

                    if (!GatewayOutcomes.ProvablyNotProcessed(args.Outcome))
                    {
                        args.Context.Properties.Set(GatewayResilienceKeys.EarlierAttemptUnproven, true);
                    }

                    metrics.RecordRetry(provider, args.Context.Properties.GetValue(GatewayResilienceKeys.Operation, "unknown"));
                    GatewayLog.Retrying(logger, provider, args.AttemptNumber + 1, GatewayOutcomes.Describe(args.Outcome), args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            StateProvider = circuit.StateProvider,
            ShouldHandle = args =>
            {
                // The caller giving up says nothing about the gateway's health.
                if (args.Outcome.Exception is OperationCanceledException)
                {
                    return ValueTask.FromResult(false);
                }

                var failed = GatewayOutcomes.IsTransientFailure(args.Outcome);
                circuit.RecordAttempt(failed);
                return ValueTask.FromResult(failed);
            },
            OnOpened = args =>
            {
                circuit.Opened(args.BreakDuration);
                metrics.RecordTransition(provider, GatewayCircuitStatus.Open);
                GatewayLog.CircuitOpened(logger, provider, args.BreakDuration, GatewayOutcomes.Describe(args.Outcome));
                return default;
            },
            OnHalfOpened = _ =>
            {
                metrics.RecordTransition(provider, GatewayCircuitStatus.HalfOpen);
                GatewayLog.CircuitHalfOpened(logger, provider);
                return default;
            },
            OnClosed = _ =>
            {
                circuit.Closed();
                metrics.RecordTransition(provider, GatewayCircuitStatus.Closed);
                GatewayLog.CircuitClosed(logger, provider);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }
}
