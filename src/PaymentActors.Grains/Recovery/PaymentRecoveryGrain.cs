using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using PaymentActors.Grains.Hosting;
using PaymentActors.Grains.Options;
using PaymentActors.Grains.Persistence;
using PaymentActors.Payments;

namespace PaymentActors.Grains.Recovery;

/// <summary>
/// One recovery partition. Tracking is group-committed like a wallet's operations, so under load the cost is a
/// fraction of a write per payment; forgetting is not written on its own at all.
/// </summary>
[Reentrant]
public sealed class PaymentRecoveryGrain : Grain, IPaymentRecoveryGrain, IRemindable
{
    private const string ReminderName = "saga-recovery";

    private readonly IPersistentState<RecoveryState> _state;
    private readonly PaymentActorsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PaymentRecoveryGrain> _logger;
    private readonly UnfinishedPayments _unfinished;
    private Dictionary<string, DateTimeOffset> _inFlight = [];
    private GroupCommit _commit = null!;
    private bool _dirty;

    public PaymentRecoveryGrain(
        [PersistentState("recovery")] IPersistentState<RecoveryState> state,
        IOptions<PaymentActorsOptions> options,
        [FromKeyedServices(PaymentClock.ServiceKey)] TimeProvider time,
        ILogger<PaymentRecoveryGrain> logger,
        UnfinishedPayments unfinished)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _unfinished = unfinished;
    }

    private string Partition => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _inFlight = new Dictionary<string, DateTimeOffset>(_state.State.InFlight);
        _unfinished.Reset(Partition, _inFlight);
        _commit = new GroupCommit(WriteAsync, _ =>
        {
            _inFlight = new Dictionary<string, DateTimeOffset>(_state.State.InFlight);
            _unfinished.Reset(Partition, _inFlight);
        });
        await this.RegisterOrUpdateReminder(ReminderName, _options.RecoveryCheckPeriod, _options.RecoveryCheckPeriod);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _unfinished.Stopped(Partition);
        return Task.CompletedTask;
    }

    public Task TrackAsync(string paymentId)
    {
        var now = _time.GetUtcNow();
        _inFlight[paymentId] = now;
        _unfinished.Tracked(Partition, paymentId, now);
        return _commit.CommitAsync();
    }

    public Task ForgetAsync(string paymentId)
    {
        _dirty |= _inFlight.Remove(paymentId);
        _unfinished.Forgotten(Partition, paymentId);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var cutoff = _time.GetUtcNow() - _options.RecoveryGracePeriod;
        var stale = _inFlight.Where(p => p.Value <= cutoff).Select(p => p.Key).ToList();
        foreach (var paymentId in stale)
        {
            try
            {
                await GrainFactory.GetGrain<IPaymentGrain>(paymentId).ResumeAsync();
            }
            catch (Exception exception)
            {
                RecoveryLog.ResumeFailed(_logger, exception, paymentId);
            }
        }

        if (_dirty)
        {
            await _commit.CommitAsync();
        }
    }

    private async Task WriteAsync()
    {
        _dirty = false;
        _state.State = new RecoveryState { InFlight = new Dictionary<string, DateTimeOffset>(_inFlight) };
        await _state.WriteStateAsync();
    }
}
