using Orleans.Hosting;
using Orleans.TestingHost;
using PaymentActors.Grains.Hosting;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>Two in-process silos with in-memory storage and the simulated gateway: where a grain is activated matters.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService().AddPaymentActors();
    }
}
