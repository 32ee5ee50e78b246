namespace PaymentActors.Api.Tests;

/// <summary>The classes that need a gated wallet or the operator audit log share one API (and its silo) between them.</summary>
[CollectionDefinition(Name)]
public sealed class GatedWalletCollection : ICollectionFixture<GatedWalletApiFixture>
{
    public const string Name = "Gated wallet API";
}
