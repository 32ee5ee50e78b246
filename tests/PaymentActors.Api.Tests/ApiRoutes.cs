using Microsoft.AspNetCore.Routing;

namespace PaymentActors.Api.Tests;

/// <summary>One method on one route template of the payment contract, e.g. POST /payments/{id}/refunds.</summary>
public sealed record ApiRoute(string Method, string Template, IReadOnlyList<string> Parameters)
{
    /// <summary>The path with each parameter replaced by its (already escaped) value.</summary>
    public string Path(Func<string, string> valueOf) =>
        Parameters.Aggregate(Template, (path, name) => path.Replace("{" + name + "}", valueOf(name), StringComparison.Ordinal));

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>The routes of the payment contract, enumerated from the running app.</summary>
public static class ApiRoutes
{
    /// <summary>
    /// Routes served by libraries with conventions of their own, not the payment contract: the Orleans Dashboard, the
    /// docs UI and OpenAPI document, the Prometheus text and the health probes (whose 503 while unready is the point).
    /// Everything else the app maps, including any route added later, is in the contract.
    /// </summary>
    private static readonly string[] ForeignPrefixes = ["/dashboard", "/docs", "/openapi", "/health"];

    private const string PrometheusPath = "/metrics";

    public static IReadOnlyList<ApiRoute> Of(ApiFixture api) =>
        api.Routes
            .Select(endpoint => (endpoint, template: "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(route => route.template != PrometheusPath
                && !ForeignPrefixes.Any(prefix => route.template.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(route => (route.endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiRoute(method, route.template, route.endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList())))
            .OrderBy(route => route.Template, StringComparer.Ordinal)
            .ThenBy(route => route.Method, StringComparer.Ordinal)
            .ToList();
}
