using Orleans.Storage;
using PaymentActors.AzureTables.Storage;
using PaymentActors.AzureTables.Tests.Infrastructure;

namespace PaymentActors.AzureTables.Tests.GrainStorage;

/// <summary>Storage exceptions reach callers in other silos and clients, so they must survive Orleans serialization.</summary>
public sealed class StorageExceptionSerializationTests
{
    [Fact]
    public void A_conflict_keeps_its_type_message_and_etags_across_the_wire()
    {
        var serializer = SerializerForTests.Create();
        var original = new AzureTableStorageConflictException("Version conflict on write", "unknown", "W/\"datetime'x'\"");

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(original));

        var conflict = Assert.IsType<AzureTableStorageConflictException>(copy);
        Assert.IsAssignableFrom<InconsistentStateException>(conflict);
        Assert.Equal(original.Message, conflict.Message);
        Assert.Equal("W/\"datetime'x'\"", conflict.CurrentEtag);
    }

    [Fact]
    public void A_too_large_state_error_keeps_its_type_and_message_across_the_wire()
    {
        var serializer = SerializerForTests.Create();
        var original = new GrainStateTooLargeException("State 'ledger' is 800000 bytes. Nothing was written.");

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(original));

        Assert.Equal(original.Message, Assert.IsType<GrainStateTooLargeException>(copy).Message);
    }
}
