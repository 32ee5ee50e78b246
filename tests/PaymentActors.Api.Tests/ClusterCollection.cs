namespace PaymentActors.Api.Tests;

/// <summary>
/// The tests on three silo processes and a client-mode front door. They run alone, after the other classes: a silo
/// is killed on purpose, and failure detection should measure the cluster, not a machine busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClientModeApiFixture>
{
    public const string Name = "Cluster of silo processes";
}
