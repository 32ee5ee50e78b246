using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PaymentActors.Api.Contracts;
using PaymentActors.Api.Validation;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// Describes the API as a whole (envelopes, amounts, errors, idempotency) and the operational routes that are not
/// minimal-API endpoints: health and Prometheus metrics. Pages for people are not operations and are named in the
/// description instead: the dashboard (whose internal routes serve its single-page app, not clients) and these docs.
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
                $"POSTs accept an `Idempotency-Key` header (1–{InputLimits.MaxIdempotencyKeyLength} characters): a retry with the same key and body returns the first " +
                $"result with `Idempotent-Replayed: true`. Limits: ids 1–{InputLimits.MaxIdLength} characters of ASCII letters, digits and -._~!$&'()*+,;=:@|; " +
                $"description at most {InputLimits.MaxDescriptionLength}. " +
                "Pages for people: this reference at `/docs/`, the Orleans Dashboard at `/dashboard/` (operators; on the management listener).",
        };

        // The generator writes the server as the request's base address, with a trailing slash that would double the paths' own.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

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

                // The registry's "decimal" format: generators then type it as decimal, never as a binary float.
                Format = "decimal",
                Description = "A decimal amount as a JSON number (100.5) or string (\"100.50\"), read exactly, never through floating point.",
            };
        }

        // Every code the API answers with, read from ErrorCodes, so a new one is listed without being written twice.
        if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(ApiError), out var error)
            && error is OpenApiSchema { Properties: { } errorProperties } && errorProperties.TryGetValue("code", out var codeSchema)
            && codeSchema is OpenApiSchema code)
        {
            var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral)
                .Select(field => (string)field.GetRawConstantValue()!);
            code.Description = "Stable machine-readable code, one of: " + string.Join(", ", codes) + ".";
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

        var operations = new OpenApiTagReference(ApiTags.Operations, document);
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = ApiTags.Operations });
        foreach (var tag in document.Tags)
        {
            if (tag.Name is not null && ApiTags.Descriptions.TryGetValue(tag.Name, out var description))
            {
                tag.Description = description;
            }
        }
        var envelope = new OpenApiSchemaReference(nameof(ApiErrorResponse), document);
        AddGet(document, operations, envelope, new("/health/live", "GetLiveness", "Liveness", "200 while the process serves HTTP.", Anonymous: true, Throttled: false),
            ("200", "Alive.", "application/json"));
        AddGet(document, operations, envelope, new("/health/ready", "GetReadiness", "Readiness",
            "200 when the co-hosted silo is active and a wallet grain answers a read (the cluster places grains and storage loads state); " +
            "503 `service_unavailable` otherwise.", Anonymous: true, Throttled: false),
            ("200", "Ready.", "application/json"), ("503", "Not ready.", "application/json"));
        AddGet(document, operations, envelope, new("/metrics", "GetPrometheusMetrics", "Prometheus metrics",
            "Operators: an operator token, or no token on the management listener (`Management:Urls`). Prometheus text exposition of the PaymentActors, PaymentActors.Storage, PaymentActors.Gateway, Microsoft.Orleans and ASP.NET Core meters.",
            Anonymous: false, Throttled: true),
            ("200", "Metrics in Prometheus text format.", "text/plain"));
        return Task.CompletedTask;
    }

    private const string DashboardPrefix = "/dashboard";

    /// <summary>A route mapped by a library, described by hand: who may call it and whether it is rate limited.</summary>
    private sealed record LibraryRoute(string Path, string OperationId, string Summary, string Description, bool Anonymous, bool Throttled);

    private static void AddGet(
        OpenApiDocument document,
        OpenApiTagReference tag,
        IOpenApiSchema envelope,
        LibraryRoute route,
        params (string Status, string Description, string MediaType)[] responses)
    {
        var operation = new OpenApiOperation
        {
            OperationId = route.OperationId,
            Summary = route.Summary,
            Description = route.Description,
            Tags = new HashSet<OpenApiTagReference> { tag },
            Responses = new OpenApiResponses(),
        };
        foreach (var (status, text, mediaType) in responses)
        {
            var response = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() },
            };
            operation.Responses[status] = response;
        }

        // The same answers ContractResponsesTransformer adds to the minimal-API routes, from the same rules.
        foreach (var (status, text) in ContractResponsesTransformer.PipelineErrors(hasInput: false, hasBody: false, route.Anonymous, route.Throttled, callsCluster: false))
        {
            operation.Responses.TryAdd(status, ContractResponsesTransformer.ErrorResponse(status, text, envelope));
        }

        // Health probes need no token; /metrics keeps the document's bearer requirement.
        if (route.Anonymous)
        {
            operation.Security = [];
        }

        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, operation);
        document.Paths[route.Path] = item;
    }
}
