using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>A silo whose default grain storage can be made to fail, to test what grains do when storage writes fail.</summary>
public sealed class GroupCommitClusterFixture : SiloClusterFixture<GroupCommitClusterFixture.SiloConfigurator>
{
    private static FaultInjectingGrainStorage? storage;

    public FaultInjectingGrainStorage Storage => storage!;

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder
                .AddMemoryGrainStorage("durable")
                .UseInMemoryReminderService()
                .AddPaymentActors(o =>
                {
                    o.RetryBaseDelay = TimeSpan.Zero;
                    o.SimulatedGateway.FailureRate = 0;
                    o.SimulatedGateway.MinLatency = TimeSpan.Zero;
                    o.SimulatedGateway.MaxLatency = TimeSpan.Zero;
                });
            // Orleans resolves the default grain storage as the unkeyed IGrainStorage.
            siloBuilder.Services.AddSingleton<IGrainStorage>(
                services => storage = new FaultInjectingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("durable")));
        }
    }
}
