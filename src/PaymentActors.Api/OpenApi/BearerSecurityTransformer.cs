using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PaymentActors.Api.OpenApi;

/// <summary>
/// Declares the bearer scheme and requires it document-wide, so the docs' "try it" sends a pasted token; the anonymous
/// operations (health, docs) clear the requirement themselves.
/// </summary>
public sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = JwtBearerDefaults.AuthenticationScheme;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description =
                "A JWT whose `sub` is the user id; the `operator` role may do everything. Locally: " +
                "`dotnet user-jwts create --project src/PaymentActors.Api --name alice --output token` (add `--role operator` for an operator). " +
                "401 `unauthorized` without a valid token, 403 `forbidden` when the role does not allow the route, " +
                "429 `rate_limited` over the caller's rate limit (see `Retry-After`).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
