using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PaymentActors.FailureRecording;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;

namespace PaymentActors.Grains.FailureRecording;

/// <summary>
/// Deletes failed events that have not changed for <see cref="PaymentActorsOptions.FailedEventRetention"/> of business
/// time, every <see cref="PaymentActorsOptions.FailedEventPurgePeriod"/>. A reminder, so that the purge goes on in
/// whichever silo holds the grain, and after a restart.
/// </summary>
public sealed partial class FailedEventRetentionGrain(
    IFailedEventStore store,
    IOptions<PaymentActorsOptions> options,
    [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
    ILogger<FailedEventRetentionGrain> logger) : Grain, IFailedEventRetentionGrain, IRemindable
{
    private const string ReminderName = "failed-event-retention";

    public async Task StartAsync()
    {
        var period = options.Value.FailedEventPurgePeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task<int> PurgeAsync()
    {
        var cutoff = time.GetUtcNow() - options.Value.FailedEventRetention;
        var purged = await store.PurgeAsync(cutoff);
        if (purged > 0)
        {
            LogPurged(purged, cutoff);
        }

        return purged;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await PurgeAsync();
        }
        catch (Exception exception)
        {
            // The next tick tries again; nothing is lost by a late purge.
            LogPurgeFailed(exception);
        }
    }

    /// <summary>
    /// A silo's start-up step: registers the purge reminder, in the background, since a slow reminder table must not
    /// hold up the silo (and a reminder registered once keeps ticking anyway).
    /// </summary>
    internal static Task StartInBackground(IServiceProvider services)
    {
        _ = StartAsync(services);
        return Task.CompletedTask;

        static async Task StartAsync(IServiceProvider services)
        {
            try
            {
                await services.GetRequiredService<IGrainFactory>().GetGrain<IFailedEventRetentionGrain>(0).StartAsync();
            }
            catch (Exception exception)
            {
                LogStartFailed(services.GetRequiredService<ILogger<FailedEventRetentionGrain>>(), exception);
            }
        }
    }

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The failed-event retention reminder could not be registered at start-up; it is tried again at the next silo start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Deleted {Count} failed events last changed before {Cutoff} (past their retention)")]
    private partial void LogPurged(int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Deleting failed events past their retention failed; the next reminder tick tries again")]
    private partial void LogPurgeFailed(Exception exception);
}
