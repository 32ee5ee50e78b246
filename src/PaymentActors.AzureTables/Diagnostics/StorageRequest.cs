using System.Text.Json;
using Azure.Core;
using Request = Azure.Core.Request;

namespace PaymentActors.AzureTables.Diagnostics;

/// <summary>
/// What one Table service request is, read from its method, path and headers (the REST API's shapes):
/// <c>GET /t(PartitionKey='…',RowKey='…')</c> is a point read, <c>GET /t()</c> a query, <c>POST /t</c> an insert,
/// <c>PUT</c> an update (with If-Match) or an upsert, <c>PATCH</c>/<c>MERGE</c> a merge, <c>POST /$batch</c> an
/// entity-group transaction, <c>POST /Tables</c> a table creation.
/// </summary>
internal readonly record struct StorageRequest(string Service, string Table, string Operation, bool IsRead, string? State)
{
    private const string RowKeyPrefix = "RowKey='";

    public static StorageRequest Describe(Request request, string service, string defaultTable)
    {
        var path = request.Uri.Path;
        var keysAt = path.IndexOf('(', StringComparison.Ordinal);
        var resource = keysAt < 0 ? path : path[..keysAt];
        var lastSlash = resource.LastIndexOf('/');
        var target = lastSlash < 0 ? resource : resource[(lastSlash + 1)..];
        var hasKeys = keysAt >= 0 && path.IndexOf("PartitionKey=", keysAt, StringComparison.Ordinal) >= 0;
        var conditional = request.Headers.TryGetValue("If-Match", out _);
        var method = request.Method.Method.ToUpperInvariant();

        if (target == "Tables")
        {
            var tableOperation = method switch { "POST" => "create_table", "DELETE" => "delete_table", _ => "list_tables" };
            return new StorageRequest(service, defaultTable, tableOperation, method == "GET", null);
        }

        if (target == "$batch")
        {
            return new StorageRequest(service, defaultTable, "batch", false, null);
        }

        var operation = method switch
        {
            "GET" or "HEAD" => hasKeys ? "read" : "query",
            "POST" => "insert",
            "PUT" => conditional ? "update" : "upsert",
            "PATCH" or "MERGE" => conditional ? "merge" : "upsert_merge",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
        var table = target.Length == 0 ? defaultTable : target;
        var state = service == StorageServices.GrainState ? StateOf(request, path, keysAt, operation) : null;
        return new StorageRequest(service, table, operation, method is "GET" or "HEAD", state);
    }

    // Orleans's table grain storage keeps one entity per grain and state, with the state's name as RowKey.
    private static string? StateOf(Request request, string path, int keysAt, string operation)
    {
        if (keysAt >= 0)
        {
            var start = path.IndexOf(RowKeyPrefix, keysAt, StringComparison.Ordinal);
            if (start >= 0)
            {
                start += RowKeyPrefix.Length;
                var end = path.IndexOf('\'', start);
                return end > start ? Uri.UnescapeDataString(path[start..end]) : null;
            }
        }

        return operation == "insert" ? RowKeyInBody(request.Content) : null;
    }

    // An insert names its keys only in the body. Bodies are replayable (the SDK retries with them), so reading one is safe.
    private static string? RowKeyInBody(RequestContent? content)
    {
        if (content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        while (reader.Read())
        {
            if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals("RowKey") && reader.Read())
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (reader is { TokenType: JsonTokenType.StartObject or JsonTokenType.StartArray, CurrentDepth: > 0 })
            {
                reader.Skip();
            }
        }

        return null;
    }
}
