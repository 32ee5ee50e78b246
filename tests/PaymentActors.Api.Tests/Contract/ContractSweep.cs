using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>
/// Sends requests for every operation of the live document through Prism: a valid one (the operator's token, the
/// body's documented example, the scenario's ids), and where they apply no token, a user's token, an id over the
/// grammar's limit, a body of another media type and an empty body. Generated from the document, so a
/// new route is covered as soon as it is mapped; what a route must declare for that is in README ("The API's contract").
/// </summary>
public sealed class ContractSweep(JsonNode document, HttpClient prism, Func<string?, string> tokenFor)
{
    /// <summary>An id of the grammar's shape that names nothing.</summary>
    public const string UnknownId = "contract-unknown";

    private readonly List<ContractCall> _calls = [];
    private int _users;

    public IReadOnlyList<ContractCall> Calls => _calls;

    /// <summary>Ids the scenario created, by a path's first segment (payments, orders...), for the <c>{id}</c> parameter.</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>The user whose wallet, payments and orders the scenario made.</summary>
    public required string UserId { get; init; }

    /// <summary>Every operation of the document: "GET /payments/{id}".</summary>
    public IEnumerable<(string Method, string Template, JsonObject Operation)> Operations =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(item => HttpMethods.Contains(item.Key))
            .Select(item => (item.Key.ToUpperInvariant(), path.Key, item.Value!.AsObject())));

    private static readonly HashSet<string> HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public async Task<ContractCall> SendAsync(string operation, string label, string method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        string body;
        try
        {
            response = await prism.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"{method} {path} ({label}) through Prism got no answer; the requests before it:\n  " +
                string.Join("\n  ", _calls.TakeLast(5)), exception);
        }

        using var _ = response;
        var header = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join("", values) : null;
        var call = new ContractCall(operation, label, method, path, (int)response.StatusCode, PrismViolation.Parse(header)) { Body = body };
        lock (_calls)
        {
            _calls.Add(call);
        }

        return call;
    }

    /// <summary>The sweep over every operation; returns the operations it could not build a request for.</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var problems = new List<string>();
        foreach (var (method, template, operation) in Operations.ToList())
        {
            var name = $"{method} {template}";
            var secured = operation["security"] is not JsonArray { Count: 0 };
            var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var pathParameters = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
            var unknown = pathParameters.Where(p => !IsId(p)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"{name}: path parameter(s) {string.Join(", ", unknown)} are not ids; give ContractSweep a value for them.");
                continue;
            }

            var queryParameters = parameters.Where(p => (string?)p["in"] == "query" && ((bool?)p["required"] == true || (string?)p["name"] == "user_id"))
                .Select(p => (string)p["name"]!).ToList();
            var unfillable = queryParameters.Where(p => !IsId(p)).ToList();
            if (unfillable.Count > 0)
            {
                problems.Add($"{name}: required query parameter(s) {string.Join(", ", unfillable)} are not ids; give ContractSweep a value for them.");
                continue;
            }

            var query = queryParameters.Count == 0 ? "" : "?" + string.Join('&', queryParameters.Select(p => $"{p}={Uri.EscapeDataString(ValueFor(template, p))}"));
            var path = Fill(template, pathParameters, name => ValueFor(template, name)) + query;
            var example = BodyExample(operation);
            if (operation["requestBody"] is not null && example is null)
            {
                problems.Add($"{name}: its request body has no example; add one in RequestExampleTransformer.");
                continue;
            }

            await SendAsync(name, "valid", method, path, secured ? tokenFor(null) : null, Json(example));
            if (secured)
            {
                await SendAsync(name, "no token", method, path, null, Json(example));
                await SendAsync(name, "a user's token", method, path, tokenFor("contract-user-" + Interlocked.Increment(ref _users)), Json(example));
            }

            foreach (var parameter in pathParameters)
            {
                var tooLong = Fill(template, pathParameters, p => p == parameter ? new string('a', Identifiers.IdGrammar.MaxLength + 1) : ValueFor(template, p));
                await SendAsync(name, $"{parameter} over {Identifiers.IdGrammar.MaxLength} characters", method, tooLong + query, secured ? tokenFor(null) : null, Json(example));
            }

            if (example is not null)
            {
                var token = secured ? tokenFor(null) : null;
                // No malformed JSON: Prism 5.16 never answers a request whose JSON body it cannot parse (BadInputTests cover it).
                await SendAsync(name, "text/plain body", method, path, token, new StringContent(example.ToJsonString(), Encoding.UTF8, "text/plain"));
                await SendAsync(name, "empty object", method, path, token, new StringContent("{}", Encoding.UTF8, "application/json"));
            }
        }

        return problems;
    }

    /// <summary>Path parameters named <c>id</c> or <c>*_id</c> are ids (the API's id grammar checks them).</summary>
    private static bool IsId(string name) => name == "id" || name.EndsWith("_id", StringComparison.Ordinal);

    private string ValueFor(string template, string parameter)
    {
        if (parameter == "user_id") return UserId;

        // {id} names the route's resource (/payments/{id}); payment_id a payment.
        var resource = parameter == "id" ? template.Split('/', StringSplitOptions.RemoveEmptyEntries)[0] : parameter[..^"_id".Length] + "s";
        return Ids.TryGetValue(resource, out var id) ? id : UnknownId;
    }

    private static string Fill(string template, IEnumerable<string> parameters, Func<string, string> valueOf) =>
        parameters.Aggregate(template, (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(valueOf(name)), StringComparison.Ordinal));

    private JsonNode? BodyExample(JsonObject operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
        }

        return schema?["examples"]?.AsArray().FirstOrDefault()?.DeepClone();
    }

    private static StringContent? Json(JsonNode? body) =>
        body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
}
