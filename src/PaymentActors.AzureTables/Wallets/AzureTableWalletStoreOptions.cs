using Azure.Data.Tables;

namespace PaymentActors.AzureTables.Wallets;

/// <summary>Where the wallet store keeps its table: one partition per wallet, holding its snapshot and its ledger.</summary>
public sealed class AzureTableWalletStoreOptions
{
    public const string DEFAULT_TABLE_NAME = "wallets";

    public string TableName { get; set; } = DEFAULT_TABLE_NAME;

    /// <summary>The account's Table service client (with the storage request counter in its pipeline).</summary>
    public TableServiceClient? TableServiceClient { get; set; }
}
