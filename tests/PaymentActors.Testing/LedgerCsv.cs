using System.Globalization;
using System.Text;
using CsvHelper;
using PaymentActors.Wallets;
using Xunit;

namespace PaymentActors.Testing;

/// <summary>Reads a ledger export (GET /wallets/{user_id}/ledger/export) back into ledger entries, with CsvHelper.</summary>
public static class LedgerCsv
{
    public static readonly string[] Columns =
        ["sequence", "created_at", "type", "amount", "currency", "balance_after", "available_after", "payment_id", "deposit_id", "refund_id", "actor"];

    /// <summary>The rows of <paramref name="csv"/>, after checking that its header names <see cref="Columns"/> in order.</summary>
    public static IReadOnlyList<LedgerEntry> Parse(string csv)
    {
        using var reader = CsvReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal<IEnumerable<string>>(Columns, reader.Headers);
        var entries = new List<LedgerEntry>();
        while (reader.Read())
        {
            entries.Add(new LedgerEntry(
                long.Parse(reader.GetString("sequence"), CultureInfo.InvariantCulture),
                reader.GetString("type"),
                Amount(reader.GetString("amount")),
                reader.GetString("currency"),
                NullIfEmpty(reader.GetString("payment_id")),
                NullIfEmpty(reader.GetString("deposit_id")),
                NullIfEmpty(reader.GetString("refund_id")),
                Amount(reader.GetString("balance_after")),
                Amount(reader.GetString("available_after")),
                DateTimeOffset.Parse(reader.GetString("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Actor: NullIfEmpty(reader.GetString("actor"))));
        }

        return entries;
    }

    // Plain decimals only: an exponent ("1E+3") or a thousands separator fails here.
    private static decimal Amount(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
