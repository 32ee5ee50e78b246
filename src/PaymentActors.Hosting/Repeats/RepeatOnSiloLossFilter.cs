using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;
using Orleans.Storage;
using PaymentActors.Payments;
using PaymentActors.Repeats;
using Polly;
using Polly.Retry;

namespace PaymentActors.Hosting.Repeats;

/// <summary>
/// The front door's calls into the cluster outlive a silo. A call to a <see cref="SafeToRepeatAttribute"/> method that
/// failed because its silo died or left — Orleans rejected it (the silo is unreachable or known dead, a gateway is
/// shutting down or too busy, the message could not be forwarded), its connection failed, no answer came in time, or it
/// reached a second activation of its grain (the directory entry was lost with the silo) whose write storage refused —
/// is sent again, with exponential backoff and jitter, while the repeat window since it was first sent lasts: longer
/// than the cluster takes to declare a silo dead and place its grains elsewhere, well under a client's 30 s. A method
/// that takes a <see cref="CancellationToken"/> (the long waits, whose response timeout is 30 s) is also given up and
/// sent again as soon as the client loses a gateway connection, rather than waiting out that timeout for a silo that is
/// gone; a repeat of it is given up <see cref="LastAnswerGrace"/> after the window. Repeating is safe because such
/// methods are idempotent; a repeat that finds the first call still at work (<see cref="IInterimAnswer"/>) asks again.
/// Other methods, and failures of any other kind, reach the caller as they are.
/// </summary>
public sealed partial class RepeatOnSiloLossFilter : IOutgoingGrainCallFilter
{
    /// <summary>How long past the window a repeated long wait may still run: its own wait (10 s by default) fits, a client's 30 s is kept.</summary>
    public static readonly TimeSpan LastAnswerGrace = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<MethodInfo, bool> Repeatable = new();
    private static readonly ResiliencePropertyKey<long> StartedKey = new("paymentactors.repeat.started");
    private static readonly ResiliencePropertyKey<IOutgoingGrainCallContext> CallKey = new("paymentactors.repeat.call");

    private readonly SiloLossSignal _losses;
    private readonly TimeSpan _window;
    private readonly ILogger<RepeatOnSiloLossFilter> _logger;
    private readonly ResiliencePipeline _pipeline;

    public RepeatOnSiloLossFilter(SiloLossSignal losses, TimeSpan window, ILogger<RepeatOnSiloLossFilter> logger)
    {
        _losses = losses;
        _window = window;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Bounded by time, not by count: ShouldHandle stops once the window has passed.
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(2),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } failure && IsSiloLoss(failure) && Remaining(args.Context) > TimeSpan.Zero),
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    LogRepeat(_logger, call.InterfaceName, call.MethodName, call.TargetId, args.AttemptNumber + 1, args.Outcome.Exception!.GetType().Name);
                    return default;
                },
            })
            .Build();
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (_window <= TimeSpan.Zero
            || !Repeatable.GetOrAdd(context.InterfaceMethod, static method => method.IsDefined(typeof(SafeToRepeatAttribute), inherit: false)))
        {
            await context.Invoke();
            return;
        }

        var tokenIndex = CancellationTokenIndex(context.Request);
        var callerToken = tokenIndex < 0 ? CancellationToken.None : (CancellationToken)context.Request.GetArgument(tokenIndex)!;
        var resilience = ResilienceContextPool.Shared.Get(callerToken);
        resilience.Properties.Set(StartedKey, Stopwatch.GetTimestamp());
        resilience.Properties.Set(CallKey, context);
        var attempt = 0;
        try
        {
            await _pipeline.ExecuteAsync(
                async resilience =>
                {
                    if (++attempt > 1)
                    {
                        // A repeat goes wherever the grain lives now, and the first call may have stored the payment:
                        // the mark of a freshly minted id (no storage read needed) no longer holds.
                        RequestContext.Remove(MintedIds.RequestContextKey);
                    }

                    await InvokeOnceAsync(context, tokenIndex, callerToken, attempt > 1 ? Remaining(resilience) + LastAnswerGrace : null);
                    if (attempt > 1 && context.Result is IInterimAnswer { IsInterim: true })
                    {
                        throw new FirstCallStillAtWorkException();
                    }
                },
                resilience);
        }
        catch (FirstCallStillAtWorkException)
        {
            // The window passed with the first call still at work: the caller gets that answer, as without repeats.
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>One attempt; a method with a cancellation token is given up when a gateway is lost, a repeat of it also after <paramref name="remaining"/>.</summary>
    private async Task InvokeOnceAsync(IOutgoingGrainCallContext context, int tokenIndex, CancellationToken callerToken, TimeSpan? remaining)
    {
        if (tokenIndex < 0)
        {
            await context.Invoke();
            return;
        }

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _losses.NextLoss);
        if (remaining is { } left)
        {
            giveUp.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        context.Request.SetArgument(tokenIndex, giveUp.Token);
        try
        {
            await context.Invoke();
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new GaveUpOnSiloException();
        }
    }

    /// <summary>Failures that say the call's silo died, left or could not be reached, and this filter's own give-up.</summary>
    private static bool IsSiloLoss(Exception exception) =>
        exception is OrleansMessageRejectionException // SiloUnavailableException among them
            or GatewayTooBusyException
            or ConnectionFailedException
            or TimeoutException // Orleans's response timeout (a call sent to a silo that died gets no answer), and GaveUpOnSiloException
            or InconsistentStateException // a duplicate activation lost the write; Orleans deactivates it, a repeat reads what was stored
            or FirstCallStillAtWorkException;

    private static int CancellationTokenIndex(IInvokable request)
    {
        for (var i = 0; i < request.GetArgumentCount(); i++)
        {
            if (request.GetArgument(i) is CancellationToken)
            {
                return i;
            }
        }

        return -1;
    }

    private TimeSpan Remaining(ResilienceContext context) =>
        _window - Stopwatch.GetElapsedTime(context.Properties.GetValue(StartedKey, Stopwatch.GetTimestamp()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeating {Interface}.{Method} on {Grain} (attempt {Attempt}; the last ended with {Reason})")]
    private static partial void LogRepeat(ILogger logger, string @interface, string method, GrainId grain, int attempt, string reason);

    /// <summary>The attempt was given up because a gateway was lost while it was out (a 503 if it was the last).</summary>
    private sealed class GaveUpOnSiloException() : TimeoutException("A silo was lost while this call was out; it was given up.");

    /// <summary>A repeat found the first call still at work.</summary>
    private sealed class FirstCallStillAtWorkException : Exception;
}
