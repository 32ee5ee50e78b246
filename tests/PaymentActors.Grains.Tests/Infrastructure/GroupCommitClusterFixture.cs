using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>A silo whose default grain storage can be made to fail, to test what grains do when storage writes fail.</summary>
public sealed class GroupCommitClusterFixture : IAsyncLifetime
{
    private static FaultInjectingGrainStorage? storage;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public FaultInjectingGrainStorage Storage => storage!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
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
