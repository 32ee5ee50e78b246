using Orleans.Storage;

namespace PaymentActors.AzureTables.Options;

/// <summary>Options of one named Azure Table grain storage (mirrors Orleans's AzureTableStorageOptions).</summary>
public sealed class AzureTableStorageOptions : AzureStorageOperationOptions, IStorageProviderSerializerOptions
{
    public const string DEFAULT_TABLE_NAME = "OrleansGrainState";

    public const int DEFAULT_INIT_STAGE = ServiceLifecycleStage.ApplicationServices;

    public override string TableName { get; set; } = DEFAULT_TABLE_NAME;

    /// <summary>True: clearing a grain's state deletes its entity. False: the entity stays, emptied, keeping its ETag chain.</summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>Silo lifecycle stage at which the table is created; storage must be ready before grains activate.</summary>
    public int InitStage { get; set; } = DEFAULT_INIT_STAGE;

    /// <summary>
    /// How grain state becomes bytes. Null means Orleans's binary serializer (<see cref="OrleansGrainStorageSerializer"/>),
    /// which keeps decimal scale (7.00 stays 7.00) and every [GenerateSerializer] type exactly; Orleans's JSON default does not.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
