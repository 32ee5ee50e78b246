using System.Globalization;
using System.Text;

namespace PaymentActors.Api.Tests.Fuzzing;

/// <summary>
/// Generates hostile requests over the contract's routes from a seed: ids with reserved characters, blanks, odd Unicode
/// and lengths in paths; malformed, truncated and duplicate-keyed JSON, wrong types, huge, tiny and exponent numbers,
/// lone surrogates and invalid UTF-8 in bodies; odd query values, Idempotency-Keys and content types; wrong methods
/// and unknown paths. The same seed gives the same requests. <paramref name="namedUsers"/> and
/// <paramref name="namedPayments"/> are the only existing wallets and payments a request may name; every other id is
/// fresh or invalid. Most requests carry <paramref name="operatorToken"/>, so that they reach the endpoints; the rest
/// carry one of <paramref name="otherAuthorizations"/> (a user's token, a forged one, none).
/// </summary>
public sealed class HostileRequestGenerator(
    int seed,
    IReadOnlyList<ApiRoute> routes,
    IReadOnlyList<string> namedUsers,
    IReadOnlyList<string> namedPayments,
    string operatorToken,
    IReadOnlyList<string?> otherAuthorizations)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    /// <summary>Ids as they go into a path, escaped where a raw character would change the URL.</summary>
    private static readonly string[] HostilePathIds =
    [
        "%20", "%20%20", "%09", "%0A", "%00", "a%00b", "%2F", "a%2Fb", "a%5Cb", "a%23b", "a%3Fb", "a%25b", "%25", "%", "%%", "%ZZ",
        "a%2F..%2F..%2Fb", "..", ".", "%2e%2e", "%2E", "%C3%A9", "jos%C3%A9", "e%CC%81", "%F0%9F%99%82", "%E2%80%AE", "%E2%80%8B",
        "%EF%BB%BF", "%ED%A0%80", "%FF", "a%FFb", "%C0%AF", "%7F", "%C2%85", "null", "undefined", "-1", "0", "CON", "%7B%7D",
        "auth0%7Cabc", "a.b%2Bc%40example.com", "pay_0", "evt_x", "'%20OR%201=1--", "%3Cscript%3E", "__proto__",
    ];

    private static readonly string[] HostileNumbers =
    [
        "0", "-0", "1", "-1", "0.01", "0.001", "1e400", "-1e400", "1e-400", "1E2", "1e+2", "100e-2", "1.5e1", "0.0000000001",
        "99999999999999999999999999999", "1000000000000.00", "999999999999.99", "1e13", "1e-2", "123456789012345678901234567890e-28",
        "2.5", "7", "10.10", "3e0",
    ];

    private static readonly string[] HostileNumberStrings =
    [
        "NaN", "Infinity", "-Infinity", "0x10", "+5", ".5", "5.", "1_000", "1,000.00", "١٠", "１０", " 5", "5 ", "", "--5", "5e",
        "1e99999", "0e0", "1.00", "25.5", "1e2",
    ];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\t", "a\u0000b", "\u202Eevil", "\u200B", "🙂", "e\u0301", "\uFEFF", "\uFFFF", "\uFFFE", "<script>alert(1)</script>",
        "'; DROP TABLE wallets; --", "%s%n", "${jndi:x}", "\\", "\"", "USD", "usd", "EUR", "JPY", "KWD", "XXX", "ÜSD", "U\u0053D",
    ];

    private static readonly string[] Currencies = ["USD", "USD", "USD", "USD", "EUR", "JPY", "KWD", "usd", "XYZ", "", "US", "USDD"];

    private static readonly string[] Queries =
    [
        "", "", "", "?wait=true", "?wait=false", "?wait=TRUE", "?wait=1", "?wait=", "?wait=true&wait=false", "?wait=%00",
        "?limit=0", "?limit=1", "?limit=101", "?limit=-5", "?limit=99999999999999999999", "?limit=1e2", "?limit=%20",
        "?status=failed", "?status=FAILED", "?status=resolved", "?status=%FF", "?starting_after=evt_x", "?starting_after=a%2Fb",
        "?starting_after=%20", "?%FF=1", "?a=%ZZ", "?=&=&", "?limit=5&limit=6", "?q=" + new string('q', 4000),
    ];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json", "application/json; charset=utf-8",
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null, "application/json; charset=utf-16",
        "application/merge-patch+json", "*/*", "application/json; charset=\"", "application/jsonx",
    ];

    private readonly Random _random = new(seed);
    private int _fresh;

    public HostileRequest Next(int number)
    {
        var roll = _random.Next(100);
        if (roll < 4)
        {
            return Build(number, "unknown path", Pick(Methods), "/" + Pick(["nowhere", "payments/x/y/z", "wallets", "%2Fpayments", "Payments/../wallets", ""]), null);
        }

        var route = Pick(routes);
        var method = roll < 10 ? Pick(Methods.Where(m => m != route.Method).ToArray()) : route.Method;
        var path = route.Path(_ => PathId());
        var kind = roll < 10 ? "wrong method " + route : route.ToString();
        var bodyKind = method is "POST" or "PUT" or "PATCH" || _random.Next(10) == 0 ? route.Template : null;
        return Build(number, kind, method, path + Pick(Queries), bodyKind);
    }

    private HostileRequest Build(int number, string kind, string method, string pathAndQuery, string? bodyFor)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var authorization = _random.Next(10) == 0 ? Pick(otherAuthorizations) : "Bearer " + operatorToken;
        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
        }

        AddIdempotencyKey(headers);
        if (bodyFor is null)
        {
            return new HostileRequest(number, kind, method, pathAndQuery, headers, null, null);
        }

        var (body, bodyKind) = Body(bodyFor);
        return new HostileRequest(number, $"{kind}, {bodyKind}", method, pathAndQuery, headers, Pick(ContentTypes), body);
    }

    private string PathId() => _random.Next(10) switch
    {
        < 4 => Pick(HostilePathIds),
        4 => new string('x', Pick([128, 129, 256, 1000, 8000])),
        5 => _random.Next(2) == 0 ? "pay_" + Hex(32) : Pick(namedPayments),
        6 => Uri.EscapeDataString(Pick(namedUsers)),
        _ => FreshId(),
    };

    private string FreshId() => "fz-" + (++_fresh).ToString(CultureInfo.InvariantCulture) + "-" + Hex(6);

    private void AddIdempotencyKey(List<KeyValuePair<string, string>> headers)
    {
        var key = _random.Next(14) switch
        {
            < 6 => null,
            6 => "key-" + Hex(16),
            7 => "",
            8 => new string('k', 255),
            9 => new string('k', 256),
            10 => "clé-ü-😀",
            11 => "tab\tinside",
            12 => " /\\#?%\"{}",
            _ => "\u00ff\u00fe",
        };
        if (key is null)
        {
            return;
        }

        headers.Add(new("Idempotency-Key", key));
        if (_random.Next(8) == 0)
        {
            headers.Add(new("Idempotency-Key", "second-" + Hex(4)));
        }
    }

    /// <summary>A body shaped for the route (deposit, payment, refund, or a generic object) and then damaged.</summary>
    private (byte[] Body, string Kind) Body(string template)
    {
        var fields = template switch
        {
            _ when template.EndsWith("/deposits", StringComparison.Ordinal) => new[] { "amount", "currency" },
            "/payments" => ["user_id", "service_id", "amount", "currency", "description"],
            _ when template.EndsWith("/refunds", StringComparison.Ordinal) => ["amount", "reason"],
            _ => ["amount", "currency", "user_id", "id", "items", "status"],
        };
        var members = fields.Select(field => (Name: field, Value: Value(field))).ToList();
        var damage = _random.Next(16);
        string json;
        switch (damage)
        {
            case 0:
                members.RemoveAt(_random.Next(members.Count));
                break;
            case 1:
                var (name, _) = Pick(members);
                members.Add((_random.Next(2) == 0 ? name : name.ToUpperInvariant(), Value(name)));
                break;
            case 2:
                var index = _random.Next(members.Count);
                members[index] = (members[index].Name, Pick(["true", "null", "[]", "{}", "[1,2]", """{"value": 1}""", "-1", "\"\""]));
                break;
            case 3:
                members.Add((Pick(["Amount", "AMOUNT", "User_Id", "amounT", "\\u0061mount"]), "\"900000\""));
                break;
            case 4:
                members.Add(("padding", Quote(new string('p', Pick([1000, 20_000, 70_000])))));
                break;
            case 5:
                members.Add(("nested", new string('[', 40) + new string(']', 40)));
                break;
        }

        json = "{" + string.Join(",", members.Select(m => $"\"{m.Name}\": {m.Value}")) + "}";
        switch (damage)
        {
            case 6:
                json = json[..Math.Max(0, _random.Next(json.Length))];
                return (Encoding.UTF8.GetBytes(json), "truncated JSON");
            case 7:
                return (Encoding.UTF8.GetBytes(Pick(["", "null", "[]", "\"text\"", "123", "{", "}", "{,}", "{'amount': 1}", "{\"amount\": 1,}",
                    "{/*c*/\"amount\": 1}", "\uFEFF{}", "amount=1&currency=USD", "<xml/>", "{\"a\":1}{\"b\":2}", "NaN"])), "malformed JSON");
            case 8:
                var bytes = Encoding.UTF8.GetBytes(json).ToList();
                var quote = bytes.IndexOf((byte)'"', _random.Next(bytes.Count));
                bytes.Insert(quote < 0 ? bytes.Count : quote + 1, Pick<byte>([0xFF, 0xC0, 0xED, 0x80, 0xFE]));
                return ([.. bytes], "invalid UTF-8");
            case 9:
                var bad = new byte[_random.Next(1, 64)];
                _random.NextBytes(bad);
                return (bad, "random bytes");
            default:
                return (Encoding.UTF8.GetBytes(json), damage <= 5 ? $"JSON damage {damage}" : "JSON");
        }
    }

    /// <summary>A JSON value for a field: sometimes right, often hostile.</summary>
    private string Value(string field) => field switch
    {
        "amount" => _random.Next(3) switch
        {
            0 => Pick(HostileNumbers),
            1 => Quote(Pick(HostileNumbers)),
            _ => Quote(Pick(HostileNumberStrings)),
        },
        "currency" => _random.Next(4) == 0 ? Quote(Pick(HostileStrings)) : Quote(Pick(Currencies)),
        "user_id" or "service_id" or "id" => _random.Next(3) switch
        {
            0 => Quote(Pick(namedUsers)),
            1 => Quote(Pick(["a/b", "a\\\\b", "a#b", "a?b", "a%2Fb", " ", "", "\\ud800", "jos\u00e9", new string('u', 129), "auth0|x", "a.b+c@example.com"])),
            _ => Quote(FreshId()),
        },
        _ => _random.Next(4) switch
        {
            0 => Quote(Pick(HostileStrings)),
            1 => Quote(Pick(["\\ud800", "a\\udc00b", "\\udfff\\ud800", "\\u0000", "\\u001f"])),
            2 => Quote(new string('d', Pick([10, 1024, 1025, 5000]))),
            _ => Pick(["1", "null", "true", "[\"x\"]"]),
        },
    };

    /// <summary>A JSON string literal; backslash escapes already in <paramref name="text"/> are kept.</summary>
    private static string Quote(string text) =>
        "\"" + string.Concat(text.Select(c => c switch
        {
            '"' => "\\\"",
            < ' ' => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        })) + "\"";

    private string Hex(int length)
    {
        var bytes = new byte[(length + 1) / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant()[..length];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
