using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;
using PaymentActors.Gateway;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>
/// One in-process silo with in-memory storage and reminders, a scripted gateway and a fake clock that the
/// tests move by hand (reminders still tick in real time, every 200 ms, to look for expired reservations).
/// </summary>
public sealed class ClusterFixture : SiloClusterFixture<ClusterFixture.SiloConfigurator>
{
    // Silos are built by TestCluster from a configurator type, so the shared doubles are reached statically.
    internal static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
    internal static readonly ScriptedGateway Gateway = new();

    public FakeTimeProvider Time => Clock;

    public ScriptedGateway ScriptedGateway => Gateway;

    protected override void BeforeStop() => Gateway.ReleaseHungCharges();

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder
                .AddMemoryGrainStorageAsDefault()
                .UseInMemoryReminderService()
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100))
                .AddPaymentActors(o =>
                {
                    o.ExpiryCheckPeriod = TimeSpan.FromMilliseconds(200);
                    o.RetryBaseDelay = TimeSpan.Zero;
                    // Retention is business time (the fake clock); the purge looks every 200 ms of real time.
                    o.FailedEventPurgePeriod = TimeSpan.FromMilliseconds(200);
                });
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(PaymentClock.ServiceKey, Clock);
            siloBuilder.Services.AddSingleton<IPaymentGateway>(Gateway);
        }
    }
}
