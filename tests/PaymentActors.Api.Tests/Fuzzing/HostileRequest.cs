using System.Text;

namespace PaymentActors.Api.Tests.Fuzzing;

/// <summary>One generated request, kept as bytes so that a failure can name exactly what was sent.</summary>
public sealed record HostileRequest(
    int Number,
    string Kind,
    string Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[]? Body)
{
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        // Sent exactly as generated: no canonicalisation of dot segments or escapes.
        var uri = new Uri(baseAddress + PathAndQuery.TrimStart('/'), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(Method), uri);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var headers = string.Join(", ", Headers.Select(h => $"{h.Key}: {Preview(h.Value, 80)}"));
        var body = Body is null ? "no body" : $"{Body.Length} bytes {Preview(Encoding.UTF8.GetString(Body), 160)}";
        return $"#{Number} [{Kind}] {Method} {Preview(PathAndQuery, 200)} | {headers} | Content-Type: {ContentType ?? "-"} | {body}";
    }

    private static string Preview(string text, int max)
    {
        var escaped = string.Concat(text.Take(max).Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > max ? $"{escaped}…({text.Length} chars)" : escaped;
    }
}
