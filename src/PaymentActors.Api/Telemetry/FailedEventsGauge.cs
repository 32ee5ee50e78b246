using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PaymentActors.Api.Options;
using PaymentActors.Events;
using PaymentActors.FailureRecording;
using PaymentActors.Hosting.Telemetry;

namespace PaymentActors.Api.Telemetry;

/// <summary>
/// The failed events waiting for an operator, as a gauge for an alert (deploy/prometheus): those with status
/// <c>failed</c>, by whether a retry can re-drive them (a technical reason) or not (a decline, no funds). Counted by the
/// front door every <see cref="ApiOptions.FailedEventsGaugePeriod"/>, not by each silo, so that the figure is the
/// store's once, whatever the number of silos. At most <see cref="Cap"/> are counted.
/// </summary>
public sealed partial class FailedEventsGauge : BackgroundService
{
    public const string Instrument = "paymentactors.failed_events.waiting";

    /// <summary>Past this many, the exact number no longer changes what an operator does.</summary>
    public const int Cap = 10_000;

    private const int PageSize = 100;

    private readonly IGrainFactory _grains;
    private readonly TimeSpan _period;
    private readonly ILogger<FailedEventsGauge> _logger;
    private (long Retryable, long NotRetryable)? _waiting;

    public FailedEventsGauge(IGrainFactory grains, IOptions<ApiOptions> options, IMeterFactory meterFactory, ILogger<FailedEventsGauge> logger)
    {
        _grains = grains;
        _period = options.Value.FailedEventsGaugePeriod;
        _logger = logger;
        var meter = meterFactory.Create(MeterNames.PaymentActors);
        meter.CreateObservableGauge(Instrument, Measure, "{event}", "Failed events with status failed, by whether an operator's retry can re-drive them (retryable), counted up to 10,000.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_period);
        do
        {
            try
            {
                _waiting = await CountAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The cluster may not be up yet, or storage may be down: the gauge keeps its last figure.
                LogCountFailed(_logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<long>> Measure()
    {
        if (_waiting is not { } waiting)
        {
            yield break;
        }

        yield return new Measurement<long>(waiting.Retryable, new KeyValuePair<string, object?>("retryable", "true"));
        yield return new Measurement<long>(waiting.NotRetryable, new KeyValuePair<string, object?>("retryable", "false"));
    }

    private async Task<(long Retryable, long NotRetryable)> CountAsync()
    {
        var store = _grains.GetGrain<IFailedEventsGrain>(0);
        long retryable = 0, notRetryable = 0;
        string? after = null;
        while (retryable + notRetryable < Cap)
        {
            var page = await store.ListAsync(new FailedEventQuery(FailedEventStatus.Failed, PageSize, after));
            foreach (var failed in page)
            {
                if (FailureReasons.IsRetryable(ReasonOf(failed)))
                {
                    retryable++;
                }
                else
                {
                    notRetryable++;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            after = page[^1].Id;
        }

        return (retryable, notRetryable);
    }

    // The recorded event is the payment.failed event as JSON; its reason is what makes it retryable or not.
    private static string? ReasonOf(FailedEvent failed)
    {
        try
        {
            using var document = JsonDocument.Parse(failed.OriginalEvent);
            return document.RootElement.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting the failed events waiting for an operator failed; the gauge keeps its last figure")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
