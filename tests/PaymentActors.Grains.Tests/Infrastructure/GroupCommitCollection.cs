namespace PaymentActors.Grains.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class GroupCommitCollection : ICollectionFixture<GroupCommitClusterFixture>
{
    public const string Name = "group-commit-cluster";
}
