namespace PaymentActors.Durability.Tests.Infrastructure;

/// <summary>One Azurite for the project; each test's <see cref="Deployment"/> uses its own tables and service id.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
