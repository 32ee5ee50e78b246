using Azure.Data.Tables;

namespace PaymentActors.SeedPeer;

/// <summary>
/// The seeds' wallet debit (seed 002, "Wallet Service con bloqueo optimista"): read the wallet row, check the
/// balance, replace the row on its ETag, start again from the read when another writer got there first (412), then
/// write the payment's record. Every request it sends is counted.
/// </summary>
internal sealed class SeedWallet(TableClient wallets, TableClient payments, string userId)
{
    public const decimal Amount = 1.00m;

    private long _requests;
    private long _conflicts;

    public long Requests => Interlocked.Read(ref _requests);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public async Task CreateAsync(decimal balance)
    {
        Interlocked.Increment(ref _requests);
        await wallets.UpsertEntityAsync(new TableEntity(userId, "wallet")
        {
            ["Balance"] = balance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Currency"] = "USD",
            ["Version"] = 0L,
            ["LastTxID"] = "",
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
        }, TableUpdateMode.Replace);
    }

    /// <summary>One debit of <see cref="Amount"/>; false when the balance is short.</summary>
    public async Task<bool> DebitAsync(string paymentId)
    {
        while (true)
        {
            Interlocked.Increment(ref _requests);
            var wallet = (await wallets.GetEntityAsync<TableEntity>(userId, "wallet")).Value;
            var balance = decimal.Parse(wallet.GetString("Balance"), System.Globalization.CultureInfo.InvariantCulture);
            if (balance < Amount)
            {
                return false;
            }

            wallet["Balance"] = (balance - Amount).ToString(System.Globalization.CultureInfo.InvariantCulture);
            wallet["Version"] = wallet.GetInt64("Version") + 1;
            wallet["LastTxID"] = paymentId;
            wallet["UpdatedAt"] = DateTimeOffset.UtcNow;
            try
            {
                Interlocked.Increment(ref _requests);
                await wallets.UpdateEntityAsync(wallet, wallet.ETag, TableUpdateMode.Replace);
                break;
            }
            catch (Azure.RequestFailedException conflict) when (conflict.Status == 412)
            {
                Interlocked.Increment(ref _conflicts);
            }
        }

        Interlocked.Increment(ref _requests);
        await payments.AddEntityAsync(new TableEntity(userId, paymentId)
        {
            ["Amount"] = Amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Currency"] = "USD",
            ["Status"] = "completed",
            ["CreatedAt"] = DateTimeOffset.UtcNow,
        });
        return true;
    }

    public async Task<decimal> BalanceAsync()
    {
        var wallet = (await wallets.GetEntityAsync<TableEntity>(userId, "wallet")).Value;
        return decimal.Parse(wallet.GetString("Balance"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
