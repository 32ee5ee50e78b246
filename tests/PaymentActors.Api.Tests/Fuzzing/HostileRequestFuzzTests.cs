using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PaymentActors.Testing;
using Xunit.Abstractions;

namespace PaymentActors.Api.Tests.Fuzzing;

/// <summary>
/// Seeded hostile requests over every route of the contract (enumerated from the running app, so a new route is
/// fuzzed without anyone listing it) against the production set-up: Azure Tables on a real Azurite and the HTTP mock
/// gateway. None may get a 5xx or a dropped connection, every 4xx carries the envelope, a wallet no request names is
/// unchanged, and a payment still completes afterwards. The seed is printed; set
/// <c>PAYMENTACTORS_FUZZ_SEED</c> to replay a run (and <c>PAYMENTACTORS_FUZZ_COUNT</c> for more requests).
/// </summary>
public sealed class HostileRequestFuzzTests(AzureStackApiFixture api, ITestOutputHelper output) : IClassFixture<AzureStackApiFixture>
{
    private const string SeedVariable = "PAYMENTACTORS_FUZZ_SEED";
    private const string CountVariable = "PAYMENTACTORS_FUZZ_COUNT";
    private const int DefaultCount = 1_200;
    private const int Parallelism = 8;

    [Fact]
    public async Task Hostile_requests_get_no_5xx_always_the_envelope_and_change_nothing_they_do_not_name()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        var count = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), CultureInfo.InvariantCulture, out var fixedCount)
            ? fixedCount
            : DefaultCount;
        output.WriteLine($"Fuzz seed {seed} ({count} requests); replay with {SeedVariable}={seed}.");

        var routes = ApiRoutes.Of(api);
        Assert.Contains(routes, route => route.Template == "/payments/{id}/refunds");

        // A funded wallet that requests may name (so some payments really run) and one that none may name.
        var funded = "fz-funded-" + Guid.NewGuid().ToString("N");
        var untouched = "fz-untouched-" + Guid.NewGuid().ToString("N");
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(funded, "1000000.00"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(untouched, "123.45"), HttpStatusCode.OK);
        var untouchedBefore = await WalletStateAsync(untouched);
        var completed = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(funded, "500.00", wait: true), HttpStatusCode.OK);

        var generator = new HostileRequestGenerator(
            seed,
            routes,
            [funded],
            [completed.Text("id")],
            TestTokens.Operator(),
            [
                null,
                "Bearer " + TestTokens.User(funded),
                "Bearer " + TestTokens.Create("forger", TestTokens.OperatorRole, key: new byte[32]),
                "Bearer not-a-token",
                "Basic Zm9vOmJhcg==",
                "Bearer " + new string('A', 4000),
            ]);
        var requests = Enumerable.Range(1, count).Select(generator.Next).ToList();
        Assert.DoesNotContain(requests, r => r.ToString().Contains(untouched, StringComparison.Ordinal));

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var client = CreateClient();
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (request, cancellationToken) =>
            {
                if (await CheckAsync(client, request, statuses, cancellationToken) is { } failure)
                {
                    failures.Add($"{request}\n    → {failure}");
                }
            });

        output.WriteLine("Answers by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        var listed = failures.OrderBy(f => int.Parse(f[1..f.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).Take(15);
        Assert.True(
            failures.IsEmpty,
            $"{failures.Count} of {count} hostile requests were mishandled (seed {seed}; replay with {SeedVariable}={seed}):\n{string.Join("\n", listed)}");

        Assert.Equal(untouchedBefore, await WalletStateAsync(untouched));

        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        var payment = await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "4.00", wait: true), HttpStatusCode.OK);
        Assert.Equal("completed", payment.Text("status"));
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private async Task<string?> CheckAsync(
        HttpClient client, HostileRequest request, ConcurrentDictionary<int, int> statuses, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var message = request.ToMessage(api.BaseAddress);
            response = await client.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return $"no answer (dropped connection or timeout): {exception.GetType().Name}: {exception.Message}";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (status >= 500)
            {
                return $"{status} {body}";
            }

            // A HEAD answer never has a body; everything else is an envelope, except what Kestrel answers itself
            // before the app sees the request (the README lists these).
            if (request.Method == "HEAD" || status is < 200 or (>= 300 and < 400) || (status == 400 && body.Length == 0 && RefusedByKestrel(request)))
            {
                return null;
            }

            return EnvelopeProblem(status, response.Content.Headers.ContentType?.MediaType, body) is { } problem
                ? $"{status} {problem}: {(body.Length > 300 ? body[..300] + "…" : body)}"
                : null;
        }
    }

    /// <summary>
    /// Kestrel refuses a request target whose path decodes to a NUL character ("%00") as malformed, with a bare 400
    /// before any middleware runs; nothing in the app can give that answer the envelope.
    /// </summary>
    private static bool RefusedByKestrel(HostileRequest request)
    {
        var path = request.PathAndQuery.Split('?')[0];
        return path.Contains("%00", StringComparison.Ordinal);
    }

    private static string? EnvelopeProblem(int status, string? mediaType, string body)
    {
        if (mediaType != "application/json")
        {
            return $"content type {mediaType ?? "none"}, not the JSON envelope";
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "a body that is not JSON";
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("success", out var success) || success.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return "no 'success' in the body";
        }

        if (status < 400)
        {
            return success.GetBoolean() && root.TryGetProperty("data", out _) ? null : "a success without 'success: true' and 'data'";
        }

        return !success.GetBoolean()
            && root.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
            && error.TryGetProperty("message", out var text) && text.GetString() is { Length: > 0 }
            && error.TryGetProperty("field", out _)
                ? null
                : "an error without the envelope {success: false, error: {code, message, field}}";
    }

    private HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            // Non-ASCII header values go out as Latin-1 or UTF-8 bytes: valid HTTP the API must answer.
            RequestHeaderEncodingSelector = ApiCalls.RawHeaderEncoding,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Parallelism,
        })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private async Task<string> WalletStateAsync(string user)
    {
        var wallet = await ApiAssert.SuccessAsync(await api.Client.GetWalletAsync(user), HttpStatusCode.OK);
        var reservations = await ApiAssert.SuccessAsync(await api.Client.GetAsync($"/wallets/{user}/reservations"), HttpStatusCode.OK);
        return $"{wallet.Text("balance")}/{wallet.Text("reserved")}/{wallet.GetProperty("version").GetInt64()}/{reservations.GetArrayLength()}";
    }
}
