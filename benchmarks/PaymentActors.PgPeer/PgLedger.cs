using System.Globalization;
using Npgsql;

namespace PaymentActors.PgPeer;

/// <summary>
/// Seeds 003/004's design in PostgreSQL: a wallets table and a payments table, and a payment in two transactions
/// around the gateway call: lock the wallet row, check and reserve, insert the payment as pending; charge; then
/// deduct, release the reservation and mark the payment completed (or only release it and mark it failed).
/// </summary>
internal sealed class PgLedger(NpgsqlDataSource dataSource, string runId)
{
    public const decimal Amount = 1.00m;

    public string WalletId(int index) => string.Create(CultureInfo.InvariantCulture, $"w-{runId}-{index}");

    public async Task CreateSchemaAsync()
    {
        await using var command = dataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS wallets (
                user_id text PRIMARY KEY,
                balance numeric(20,2) NOT NULL,
                reserved numeric(20,2) NOT NULL DEFAULT 0,
                deposits numeric(20,2) NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE IF NOT EXISTS payments (
                id text PRIMARY KEY,
                user_id text NOT NULL REFERENCES wallets(user_id),
                amount numeric(20,2) NOT NULL,
                currency char(3) NOT NULL,
                status text NOT NULL,
                gateway_charge_id text,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now());
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task FundAsync(int wallets, decimal amount)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO wallets (user_id, balance, deposits)
            SELECT 'w-' || $1 || '-' || i, $2, $2 FROM generate_series(0, $3 - 1) AS i
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = amount });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = wallets });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Transaction 1: the wallet row locked, the funds checked and reserved, the payment inserted as pending.</summary>
    public async Task<bool> ReserveAsync(string walletId, string paymentId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var select = new NpgsqlCommand("SELECT balance - reserved FROM wallets WHERE user_id = $1 FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = walletId });
            var available = (decimal)(await select.ExecuteScalarAsync() ?? 0m);
            if (available < Amount)
            {
                await transaction.RollbackAsync();
                return false;
            }
        }

        await using (var reserve = new NpgsqlCommand("UPDATE wallets SET reserved = reserved + $2, updated_at = now() WHERE user_id = $1", connection, transaction))
        {
            reserve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = walletId });
            reserve.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = Amount });
            await reserve.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("INSERT INTO payments (id, user_id, amount, currency, status) VALUES ($1, $2, $3, 'USD', 'pending')", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = paymentId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = walletId });
            insert.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = Amount });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Transaction 2: on approval the balance deducted and the payment completed; on a decline only released.</summary>
    public async Task ConfirmAsync(string walletId, string paymentId, string? chargeId)
    {
        var approved = chargeId is not null;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var wallet = new NpgsqlCommand(
            approved
                ? "UPDATE wallets SET balance = balance - $2, reserved = reserved - $2, updated_at = now() WHERE user_id = $1"
                : "UPDATE wallets SET reserved = reserved - $2, updated_at = now() WHERE user_id = $1",
            connection,
            transaction))
        {
            wallet.Parameters.Add(new NpgsqlParameter<string> { TypedValue = walletId });
            wallet.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = Amount });
            await wallet.ExecuteNonQueryAsync();
        }

        await using (var payment = new NpgsqlCommand("UPDATE payments SET status = $2, gateway_charge_id = $3, updated_at = now() WHERE id = $1", connection, transaction))
        {
            payment.Parameters.Add(new NpgsqlParameter<string> { TypedValue = paymentId });
            payment.Parameters.Add(new NpgsqlParameter<string> { TypedValue = approved ? "completed" : "failed" });
            payment.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = chargeId });
            await payment.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// The audit: every wallet of this run holds its deposits less its completed payments, nothing stays reserved,
    /// and no payment is left pending. Returns the wallets that break it and the completed payments counted.
    /// </summary>
    public async Task<(long Violations, long Completed)> AuditAsync()
    {
        await using var command = dataSource.CreateCommand("""
            SELECT
              (SELECT count(*) FROM wallets w
                 LEFT JOIN (SELECT user_id, sum(amount) FILTER (WHERE status = 'completed') AS paid,
                                   count(*) FILTER (WHERE status = 'pending') AS pending
                              FROM payments GROUP BY user_id) p ON p.user_id = w.user_id
                WHERE w.user_id LIKE 'w-' || $1 || '-%'
                  AND (w.balance <> w.deposits - coalesce(p.paid, 0) OR w.reserved <> 0 OR coalesce(p.pending, 0) <> 0)),
              (SELECT count(*) FROM payments WHERE user_id LIKE 'w-' || $1 || '-%' AND status = 'completed')
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
