using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Security;

/// <summary>
/// Authentication (JWT bearer, configured under <c>Authentication:Schemes:Bearer</c> exactly as <c>dotnet user-jwts</c>
/// writes it), the named policies, per-principal rate limits, the wait cap and the management listener.
/// </summary>
public static class SecurityHostingExtensions
{
    public static WebApplicationBuilder AddPaymentActorsSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // AddJwtBearer() binds Authentication:Schemes:Bearer (Authority, ValidIssuer, ValidAudiences, SigningKeys).
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            // The contract's claims as the token carries them: `sub` is the user id, `role` the role.
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters.NameClaimType = SecurityPolicies.SubjectClaim;
            bearer.TokenValidationParameters.RoleClaimType = SecurityPolicies.RoleClaim;
            bearer.EventsType = typeof(ApiBearerEvents);
        });
        services.AddSingleton<ApiBearerEvents>();
        services.AddSingleton<IValidateOptions<JwtBearerOptions>, BearerOptionsValidator>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).ValidateOnStart();

        services.AddAuthorization(SecurityPolicies.Configure);
        services.AddSingleton<IAuthorizationHandler, OperatorOrManagementRequirement>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddOptions<RateLimitingOptions>().Bind(builder.Configuration.GetSection(RateLimitingOptions.SectionName))
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0 && o.OperatorPermitsPerSecond > 0 && o.OperatorBurst > 0,
                "RateLimiting: PermitsPerSecond, Burst, OperatorPermitsPerSecond and OperatorBurst must be positive.")
            .Validate(o => o.MaxConcurrentWaits >= 0, "RateLimiting:MaxConcurrentWaits must not be negative.")
            .ValidateOnStart();
        services.AddRateLimiter(ApiRateLimiting.Configure);
        services.AddSingleton<WaitSlots>();

        var management = builder.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>() ?? new ManagementOptions();
        services.AddOptions<ManagementOptions>().Bind(builder.Configuration.GetSection(ManagementOptions.SectionName))
            .Validate(o => o.Ports.All(port => port > 0), "Management:Urls needs explicit ports: the port tells a management request apart.")
            .ValidateOnStart();
        if (management.Addresses.Count > 0)
        {
            // Kestrel listens on the API's addresses and the management ones; the port then tells them apart.
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. management.Addresses]);
        }

        return builder;
    }

    /// <summary>Authentication, then the per-principal rate limiter (it needs the principal), then authorization.</summary>
    public static WebApplication UsePaymentActorsSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
