using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// Describes the API as a whole (envelopes, amounts, errors, idempotency) and the operational routes that are not
/// minimal-API endpoints: health, Prometheus metrics, the dashboard and these docs. The dashboard's own
/// internal routes are left out: they serve its single-page app, not clients.
/// </summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "PaymentActors API",
            Version = "v1",
            Description =
                "Payments as virtual actors on Microsoft Orleans. Every answer is an envelope: " +
                "`{\"success\": true, \"data\": ...}` or `{\"success\": false, \"error\": {\"code\", \"message\", \"field\"}}`. " +
                "Amounts are strings with the currency's decimals (\"100.50\"); inputs accept a JSON number or a string and are read " +
                "exactly as decimals. Error statuses: 400 `validation_error` (malformed JSON, wrong type, missing field, value out of limits; " +
                "`field` names it), 404 `payment_not_found` / `wallet_not_found` / `failed_event_not_found`, " +
                "409 `idempotency_key_in_use` / `payment_not_cancellable` / `payment_not_refundable` / `failed_event_not_retryable` / " +
                "`failed_event_not_failed`, 401 `unauthorized` (no valid bearer token), 403 `forbidden`, 429 `rate_limited`, 422 `idempotency_key_reused` / `currency_mismatch` / `refund_exceeds_payment` / `refund_declined`, " +
                "503 `service_unavailable`. Bad input changes nothing. " +
                "POSTs accept an `Idempotency-Key` header (1–255 characters): a retry with the same key and body returns the first " +
                "result with `Idempotent-Replayed: true`. Limits: ids 1–255 characters without control characters; description at most 1024.",
        };
        foreach (var path in document.Paths.Keys.Where(p => p.StartsWith(DashboardPrefix, StringComparison.Ordinal)).ToList())
        {
            document.Paths.Remove(path);
        }

        // Tags only the removed dashboard routes carried would show as empty groups.
        var usedTags = document.Paths.Values
            .SelectMany(item => item.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var unused in document.Tags?.Where(tag => tag.Name is null || !usedTags.Contains(tag.Name)).ToList() ?? [])
        {
            document.Tags!.Remove(unused);
        }

        // Amounts are bound as raw JSON to be read exactly; show them as what they are.
        if (document.Components?.Schemas?.ContainsKey(nameof(System.Text.Json.JsonElement)) == true)
        {
            document.Components.Schemas[nameof(System.Text.Json.JsonElement)] = new OpenApiSchema
            {
                Type = JsonSchemaType.Number | JsonSchemaType.String,
                Description = "A decimal amount as a JSON number (100.5) or string (\"100.50\"), read exactly, never through floating point.",
            };
        }

        // Recorded events are passed through as JSON objects.
        if (document.Components?.Schemas?.ContainsKey(nameof(System.Text.Json.Nodes.JsonNode)) == true)
        {
            document.Components.Schemas[nameof(System.Text.Json.Nodes.JsonNode)] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "A JSON object, passed through as it was recorded.",
            };
        }

        var operations = new OpenApiTagReference(OperationsTag, document);
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = OperationsTag, Description = "Health probes, metrics, dashboard and documentation." });
        AddGet(document, operations, "/health/live", "Liveness", "200 while the process serves HTTP.", ("200", "Alive.", "application/json"));
        AddGet(document, operations, "/health/ready", "Readiness",
            "200 when the co-hosted silo is active and a wallet grain answers a read (the cluster places grains and storage loads state); " +
            "503 `service_unavailable` otherwise.",
            ("200", "Ready.", "application/json"), ("503", "Not ready.", "application/json"));
        AddGet(document, operations, "/metrics", "Prometheus metrics",
            "Operators: an operator token, or no token on the management listener (`Management:Urls`). Prometheus text exposition of the PaymentActors, PaymentActors.Storage, PaymentActors.Gateway, Microsoft.Orleans and ASP.NET Core meters.",
            ("200", "Metrics in Prometheus text format.", "text/plain"));
        AddGet(document, operations, "/dashboard/", "Orleans Dashboard",
            "Operators: open it on the management listener (`Management:Urls`, loopback), or send an operator token. The Orleans Dashboard: silos, grain activations, call rates and latencies.", ("200", "The dashboard page.", "text/html"));
        AddGet(document, operations, "/docs/", "API reference", "This interactive reference (Scalar).", ("200", "The reference page.", "text/html"));
        return Task.CompletedTask;
    }

    private const string DashboardPrefix = "/dashboard";
    private const string OperationsTag = "Operations";

    private static void AddGet(
        OpenApiDocument document,
        OpenApiTagReference tag,
        string path,
        string summary,
        string description,
        params (string Status, string Description, string MediaType)[] responses)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { tag },
            Responses = new OpenApiResponses(),
        };
        foreach (var (status, text, mediaType) in responses)
        {
            operation.Responses[status] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() },
            };
        }

        // Health probes and the docs need no token; /metrics and the dashboard keep the document's bearer requirement.
        if (path.StartsWith("/health", StringComparison.Ordinal) || path.StartsWith("/docs", StringComparison.Ordinal))
        {
            operation.Security = [];
        }

        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, operation);
        document.Paths[path] = item;
    }
}
