using Orleans.TestingHost;

namespace PaymentActors.Grains.Tests.Infrastructure;

/// <summary>Deploys a one-silo TestCluster built by <typeparamref name="TConfigurator"/> and tears it down after the tests.</summary>
public abstract class SiloClusterFixture<TConfigurator> : IAsyncLifetime
    where TConfigurator : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        BeforeStop();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>Ends whatever the tests left hanging, so that the silo stops without waiting for call timeouts.</summary>
    protected virtual void BeforeStop()
    {
    }
}
