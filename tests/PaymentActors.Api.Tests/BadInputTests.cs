using System.Net;
using System.Text;
using PaymentActors.Events;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>
/// Bad input never gets a 5xx, always gets the envelope with the field to blame, and changes nothing: every
/// case targets one funded wallet with its own Idempotency-Key, and afterwards neither the wallet nor any
/// payment those keys would have created has moved.
/// </summary>
public sealed class BadInputTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly string LongId = new('x', 10_000);
    private readonly HttpClient _client = api.Client;
    private readonly string _user = TestIds.User();

    public static TheoryData<string, string, int, string, string?> DepositBodies => new()
    {
        // name, body, status, code, field
        { "malformed JSON", """{"amount": 10,""", 400, "validation_error", "body" },
        { "not JSON at all", "amount=10&currency=USD", 400, "validation_error", "body" },
        { "empty body", "", 400, "validation_error", "body" },
        { "JSON null", "null", 400, "validation_error", "body" },
        { "JSON array", """[{"amount": 10, "currency": "USD"}]""", 400, "validation_error", "body" },
        { "deep nesting", new string('[', 100) + new string(']', 100), 400, "validation_error", "body" },
        { "missing amount", """{"currency": "USD"}""", 400, "validation_error", "amount" },
        { "null amount", """{"amount": null, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "boolean amount", """{"amount": true, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "object amount", """{"amount": {"value": 1}, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "text amount", """{"amount": "ten", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "empty amount", """{"amount": "", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "padded amount", """{"amount": " 10", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "thousands separator", """{"amount": "1,000.00", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "NaN", """{"amount": "NaN", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "Infinity", """{"amount": "Infinity", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "negative", """{"amount": -5, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "negative string", """{"amount": "-5.00", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "zero", """{"amount": 0, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "zero with decimals", """{"amount": "0.00", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "huge", """{"amount": 1e30, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "beyond decimal", """{"amount": 1e400, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "thirty digits", """{"amount": "999999999999999999999999999999", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "above the maximum", """{"amount": "1000000000000.01", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "three decimals for USD", """{"amount": 10.123, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "three decimals as string", """{"amount": "10.123", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "decimals for JPY", """{"amount": "10.5", "currency": "JPY"}""", 400, "validation_error", "amount" },
        { "digits decimal would round away", """{"amount": "1.0000000000000000000000000000001", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "tiny", """{"amount": 1e-30, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "missing currency", """{"amount": 10}""", 400, "validation_error", "currency" },
        { "unknown currency", """{"amount": 10, "currency": "XYZ"}""", 400, "validation_error", "currency" },
        { "lower-case currency", """{"amount": 10, "currency": "usd"}""", 400, "validation_error", "currency" },
        { "numeric currency", """{"amount": 10, "currency": 840}""", 400, "validation_error", "currency" },
        { "unicode currency", """{"amount": 10, "currency": "ÜSD"}""", 400, "validation_error", "currency" },
        { "case-variant duplicate amount", """{"amount": "1.00", "AMOUNT": "900000", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "exact duplicate amount", """{"amount": "1.00", "amount": "900000", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "escaped duplicate amount", """{"amount": "1.00", "\u0061mount": "900000", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "case-variant duplicate currency", """{"amount": "1.00", "currency": "USD", "Currency": "EUR"}""", 400, "validation_error", "currency" },
        { "case variant alone", """{"Amount": "1.00", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "duplicate unknown field", """{"amount": "1.00", "currency": "USD", "note": 1, "NOTE": 2}""", 400, "validation_error", "note" },
        { "duplicate inside a nested object", """{"amount": "1.00", "currency": "USD", "meta": {"a": 1, "A": 2}}""", 400, "validation_error", "meta" },
        { "lone surrogate amount", """{"amount": "\ud800", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "lone low surrogate in amount", """{"amount": "1\udc00", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "lone surrogate currency", """{"amount": "1.00", "currency": "US\ud800"}""", 400, "validation_error", "currency" },
        { "lone surrogate in an unknown field", """{"amount": "1.00", "currency": "USD", "note": ["\ud800"]}""", 400, "validation_error", "note" },
        { "lone surrogate as a property name", """{"\ud800": 1, "amount": "1.00", "currency": "USD"}""", 400, "validation_error", "body" },
    };

    public static TheoryData<string, string, int, string, string?> PaymentBodies => new()
    {
        { "malformed JSON", """{"user_id": "u", """, 400, "validation_error", "body" },
        { "missing user_id", """{"service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "numeric user_id", """{"user_id": 123, "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "empty user_id", """{"user_id": "", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "10,000-char user_id", $$"""{"user_id": "{{LongId}}", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "control char in user_id", """{"user_id": "a\u0007b", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "lone surrogate in user_id", """{"user_id": "a\ud800b", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "missing service_id", """{"user_id": "u", "amount": 1, "currency": "USD"}""", 400, "validation_error", "service_id" },
        { "array service_id", """{"user_id": "u", "service_id": ["s"], "amount": 1, "currency": "USD"}""", 400, "validation_error", "service_id" },
        { "10,000-char service_id", $$"""{"user_id": "u", "service_id": "{{LongId}}", "amount": 1, "currency": "USD"}""", 400, "validation_error", "service_id" },
        { "missing amount", """{"user_id": "u", "service_id": "s", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "negative amount", """{"user_id": "u", "service_id": "s", "amount": -1, "currency": "USD"}""", 400, "validation_error", "amount" },
        { "three decimals", """{"user_id": "u", "service_id": "s", "amount": "0.001", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "unknown currency", """{"user_id": "u", "service_id": "s", "amount": 1, "currency": "BTC"}""", 400, "validation_error", "currency" },
        { "description too long", $$"""{"user_id": "u", "service_id": "s", "amount": 1, "currency": "USD", "description": "{{new string('d', 1025)}}"}""", 400, "validation_error", "description" },
        { "NUL in description", """{"user_id": "u", "service_id": "s", "amount": 1, "currency": "USD", "description": "a\u0000b"}""", 400, "validation_error", "description" },
        { "case-variant duplicate user_id", """{"user_id": "u", "USER_ID": "someone-else", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "duplicate amount", """{"user_id": "u", "service_id": "s", "amount": "0.01", "Amount": "40", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "lone surrogate amount", """{"user_id": "u", "service_id": "s", "amount": "\ud800", "currency": "USD"}""", 400, "validation_error", "amount" },
        { "lone surrogate description", """{"user_id": "u", "service_id": "s", "amount": 1, "currency": "USD", "description": "\udfff"}""", 400, "validation_error", "description" },
        { "blank user_id", """{"user_id": " ", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "slash in user_id", """{"user_id": "a/b", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "129-char user_id", $$"""{"user_id": "{{new string('u', 129)}}", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "non-ASCII user_id", """{"user_id": "jos\u00e9", "service_id": "s", "amount": 1, "currency": "USD"}""", 400, "validation_error", "user_id" },
        { "hash in service_id", """{"user_id": "u", "service_id": "s#1", "amount": 1, "currency": "USD"}""", 400, "validation_error", "service_id" },
        { "blank service_id", """{"user_id": "u", "service_id": "\t", "amount": 1, "currency": "USD"}""", 400, "validation_error", "service_id" },
        { "numeric description", """{"user_id": "u", "service_id": "s", "amount": 1, "currency": "USD", "description": 5}""", 400, "validation_error", "description" },
    };

    public async Task InitializeAsync() =>
        await ApiAssert.SuccessAsync(await _client.DepositAsync(_user, "50.00"), HttpStatusCode.OK);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(DepositBodies))]
    public async Task Bad_deposit_bodies_are_refused_and_change_nothing(string name, string body, int status, string code, string? field)
    {
        var before = await WalletAsync();

        var response = await _client.PostJsonAsync($"/wallets/{_user}/deposits", body, TestIds.Key());

        await ApiAssert.ErrorAsync(response, (HttpStatusCode)status, code, field);
        Assert.True(before == await WalletAsync(), name);
    }

    [Theory]
    [MemberData(nameof(PaymentBodies))]
    public async Task Bad_payment_bodies_are_refused_and_create_nothing(string name, string template, int status, string code, string? field)
    {
        // Bodies name user "u"; this test's funded wallet stands in, so a wrongly accepted payment would show.
        var body = template.Replace("\"user_id\": \"u\"", $"\"user_id\": \"{_user}\"", StringComparison.Ordinal);
        var key = TestIds.Key();
        var before = await WalletAsync();

        var response = await _client.PostJsonAsync("/payments?wait=true", body, key);

        await ApiAssert.ErrorAsync(response, (HttpStatusCode)status, code, field);
        await ApiAssert.ErrorAsync(await _client.GetPaymentAsync(EventIds.Derive("pay", _user, key)), HttpStatusCode.NotFound, "payment_not_found");
        Assert.True(before == await WalletAsync(), name);
    }

    [Theory]
    [InlineData("""{"amount": "1§", "currency": "USD"}""", "amount")]
    [InlineData("""{"amount": "1.00", "currency": "US§"}""", "currency")]
    [InlineData("""{"amount": "1.00", "currency": "USD", "note": "§"}""", "note")]
    [InlineData("""{"amount": "1.00", "currency": "USD", "§": 1}""", "body")]
    public async Task Deposit_bodies_with_invalid_utf8_are_400_and_change_nothing(string template, string field)
    {
        var before = await WalletAsync();

        var response = await _client.PostBytesAsync($"/wallets/{_user}/deposits", ApiCalls.WithInvalidByte(template), TestIds.Key());

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        Assert.Equal(before, await WalletAsync());
    }

    [Theory]
    [InlineData("""{"user_id": "{0}", "service_id": "s", "amount": "1§", "currency": "USD"}""", "amount")]
    [InlineData("""{"user_id": "{0}", "service_id": "s§", "amount": "1", "currency": "USD"}""", "service_id")]
    [InlineData("""{"user_id": "{0}", "service_id": "s", "amount": "1", "currency": "USD", "description": "caf§"}""", "description")]
    public async Task Payment_bodies_with_invalid_utf8_are_400_and_create_nothing(string template, string field)
    {
        var key = TestIds.Key();
        var before = await WalletAsync();

        var response = await _client.PostBytesAsync("/payments?wait=true", ApiCalls.WithInvalidByte(template.Replace("{0}", _user, StringComparison.Ordinal)), key);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        await ApiAssert.ErrorAsync(await _client.GetPaymentAsync(EventIds.Derive("pay", _user, key)), HttpStatusCode.NotFound, "payment_not_found");
        Assert.Equal(before, await WalletAsync());
    }

    [Theory]
    [InlineData("cl\u00e9-\u00fc-\U0001F600")]
    [InlineData("key-\u00ff\u00fe")]
    public async Task A_non_ascii_idempotency_key_reaches_the_endpoint_and_is_refused_in_the_envelope(string key)
    {
        // Sent as UTF-8 bytes, or (all characters up to U+00FF) as Latin-1 bytes that are not UTF-8, which Kestrel
        // used to refuse itself with an empty 400.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = ApiCalls.RawHeaderEncoding })
        {
            BaseAddress = api.BaseAddress,
        };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.Operator());
        var before = await WalletAsync();

        var response = await client.DepositAsync(_user, "1.00", idempotencyKey: key);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "Idempotency-Key");
        Assert.Equal(before, await WalletAsync());
    }

    [Fact]
    public async Task Idempotency_keys_are_any_printable_ascii_and_never_reach_a_key_as_they_are()
    {
        // Characters no id may hold ('/', '#', '?', '%', spaces) are fine in a key: only its hash becomes an id.
        var key = " /\\#?%~ odd key " + new string('k', 200);
        var first = await ApiAssert.SuccessAsync(await _client.DepositAsync(_user, "1.00", idempotencyKey: key), HttpStatusCode.OK);
        var replay = await _client.DepositAsync(_user, "1.00", idempotencyKey: key);

        var replayed = await ApiAssert.SuccessAsync(replay, HttpStatusCode.OK);
        Assert.Equal(first.Text("balance"), replayed.Text("balance"));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Body_that_is_not_declared_as_json_is_415_in_the_envelope()
    {
        var response = await _client.PostJsonAsync($"/wallets/{_user}/deposits", """{"amount": 1, "currency": "USD"}""", contentType: "text/plain");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type", "Content-Type");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public async Task Empty_or_control_idempotency_keys_are_refused(string key)
    {
        var before = await WalletAsync();

        var response = await _client.PostJsonAsync($"/wallets/{_user}/deposits", """{"amount": 1, "currency": "USD"}""", key);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "Idempotency-Key");
        Assert.Equal(before, await WalletAsync());
    }

    [Fact]
    public async Task Overlong_idempotency_key_is_refused()
    {
        var response = await _client.CreatePaymentAsync(_user, "1.00", idempotencyKey: new string('k', 256));

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "Idempotency-Key");
    }

    [Fact]
    public async Task Wait_flag_must_be_a_boolean()
    {
        var response = await _client.PostJsonAsync("/payments?wait=banana", $$"""{"user_id": "{{_user}}", "service_id": "s", "amount": 1, "currency": "USD"}""");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "wait");
    }

    [Fact]
    public async Task Body_larger_than_the_limit_is_413_in_the_envelope()
    {
        var body = $$"""{"amount": 1, "currency": "USD", "padding": "{{new string('p', 70_000)}}"}""";

        var response = await _client.PostJsonAsync($"/wallets/{_user}/deposits", body);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large", "body");
    }

    [Theory]
    [InlineData("/wallets/{0}", "user_id")]
    [InlineData("/wallets/{0}/reservations", "user_id")]
    [InlineData("/payments/{0}", "id")]
    [InlineData("/payments/{0}/events", "id")]
    public async Task Bad_ids_in_paths_are_400(string route, string field)
    {
        foreach (var id in new[] { LongId, "a\u0001b", "a\u007fb" })
        {
            var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, Uri.EscapeDataString(id)));
            await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", field);
        }
    }

    [Fact]
    public async Task Overlong_user_id_in_a_deposit_path_is_400_and_creates_no_wallet()
    {
        var response = await _client.DepositAsync(LongId, "1.00");

        await ApiAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "validation_error", "user_id");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_the_envelope()
    {
        await ApiAssert.ErrorAsync(await _client.GetAsync("/nowhere"), HttpStatusCode.NotFound, "not_found");
        await ApiAssert.ErrorAsync(await _client.DeleteAsync($"/wallets/{_user}"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    private async Task<string> WalletAsync()
    {
        var response = await _client.GetWalletAsync(_user);
        var wallet = await ApiAssert.SuccessAsync(response, HttpStatusCode.OK);
        return $"{wallet.Text("balance")}/{wallet.Text("reserved")}/{wallet.GetProperty("version").GetInt64()}";
    }
}
