using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PaymentActors.Cli.Commands;
using PaymentActors.Cli.Ledger;
using PaymentActors.Cli.Tests.EndToEnd;
using PaymentActors.Testing;
using PaymentActors.Wallets;

namespace PaymentActors.Cli.Tests.Ledger;

/// <summary><c>ledger export</c> against the real API: the file it writes is the API's export, and replays to the balance.</summary>
public sealed class LedgerExportCliTests(InProcessApi api) : IClassFixture<InProcessApi>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paymentactors-ledger-cli-").FullName;

    [Fact]
    public async Task Export_writes_the_csv_of_the_period_to_the_file_and_it_replays_to_the_balance()
    {
        using var http = TestTokens.Client(api.BaseAddress, TestTokens.Operator());
        var user = "cli-" + Guid.NewGuid().ToString("N");
        foreach (var amount in new[] { "10.00", "2.50", "0.05" })
        {
            using var deposit = JsonContent.Create(new { amount, currency = "USD" });
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/wallets/{user}/deposits", deposit)).StatusCode);
        }

        var file = Path.Combine(_folder, "ledger.csv");
        var from = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var exitCode = await LoadTestCli.RunAsync(
            ["ledger", "export", "--url", api.BaseAddress.ToString(), "--token", TestTokens.Operator(), "--user", user, "--from", from, "--to", to, "--out", file]);

        Assert.Equal(LedgerExitCodes.Exported, exitCode);
        var text = await File.ReadAllTextAsync(file);
        Assert.Equal(await http.GetStringAsync($"/wallets/{user}/ledger/export?from={from}&to={to}"), text);
        var rows = LedgerCsv.Parse(text);
        Assert.Equal([1L, 2, 3], rows.Select(r => r.Sequence));
        using var wallet = JsonDocument.Parse(await http.GetStringAsync($"/wallets/{user}"));
        Assert.Equal(wallet.RootElement.GetProperty("data").GetProperty("balance").GetString(), LedgerReplay.Replay(rows).Balance.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task A_date_the_api_refuses_ends_with_its_exit_code_and_writes_no_file()
    {
        var file = Path.Combine(_folder, "refused.csv");

        var exitCode = await LoadTestCli.RunAsync(
            ["ledger", "export", "--url", api.BaseAddress.ToString(), "--token", TestTokens.Operator(), "--user", "nobody", "--from", "2026-01-01", "--to", "soon", "--out", file]);

        Assert.Equal(LedgerExitCodes.Refused, exitCode);
        Assert.False(File.Exists(file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
