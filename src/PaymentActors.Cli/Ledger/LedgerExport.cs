using System.Net.Http.Headers;
using System.Text.Json;

namespace PaymentActors.Cli.Ledger;

/// <summary>
/// Downloads <c>GET /wallets/{user_id}/ledger/export</c> as it streams, to a file or to standard output. The dates go
/// to the API as given: it is the one judge of them. A file is written under a temporary name and renamed once
/// complete, so a broken download never leaves a file that looks whole.
/// </summary>
internal sealed class LedgerExport(HttpClient http, TextWriter error)
{
    public async Task<int> RunAsync(Uri api, string userId, string from, string to, string? outPath, Stream standardOutput, CancellationToken cancellationToken)
    {
        var path = $"wallets/{Uri.EscapeDataString(userId)}/ledger/export?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api, path));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync(await DescribeAsync(response, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return LedgerExitCodes.Refused;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            if (outPath is null)
            {
                await body.CopyToAsync(standardOutput, cancellationToken).ConfigureAwait(false);
                await standardOutput.FlushAsync(cancellationToken).ConfigureAwait(false);
                return LedgerExitCodes.Exported;
            }

            var partial = outPath + ".partial";
            await using (var file = File.Create(partial))
            {
                await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, outPath, overwrite: true);
            return LedgerExitCodes.Exported;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            await error.WriteLineAsync($"error: the export from {api} failed: {exception.Message}").ConfigureAwait(false);
            return LedgerExitCodes.ApiUnreachable;
        }
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            var failure = document.RootElement.GetProperty("error");
            var field = failure.TryGetProperty("field", out var named) && named.ValueKind == JsonValueKind.String ? $" ({named.GetString()})" : "";
            return $"error: {(int)response.StatusCode} {failure.GetProperty("code").GetString()}{field}: {failure.GetProperty("message").GetString()}";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"error: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
    }
}
