namespace PaymentActors.AzureTables.Options;

/// <summary>Options of the Azure Table reminder table (mirrors Orleans's AzureTableReminderStorageOptions).</summary>
public sealed class AzureTableReminderStorageOptions : AzureStorageOperationOptions
{
    public const string DEFAULT_TABLE_NAME = "OrleansReminders";

    public override string TableName { get; set; } = DEFAULT_TABLE_NAME;
}
