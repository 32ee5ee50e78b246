using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace PaymentActors.Api.Security;

/// <summary>
/// Refuses to start with token validation missing or weakened, whatever the environment: there is no setting that
/// turns authentication off, and a configuration that forgot its keys fails at start-up instead of serving open.
/// </summary>
public sealed class BearerOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtBearerOptions>
{
    public const string Section = "Authentication:Schemes:Bearer";

    public ValidateOptionsResult Validate(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme) return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        var parameters = options.TokenValidationParameters;
        var hasKeys = parameters.IssuerSigningKey is not null || parameters.IssuerSigningKeys?.Any() == true;
        if (string.IsNullOrWhiteSpace(options.Authority) && string.IsNullOrWhiteSpace(options.MetadataAddress) && !hasKeys)
        {
            failures.Add(
                $"No bearer token can be validated: set {Section}:Authority (an OpenID Connect issuer) or {Section}:SigningKeys " +
                "(with their Issuer). For local development run ./run.sh, which reads the keys of `dotnet user-jwts` from user secrets.");
        }

        if (!parameters.ValidateIssuer || (string.IsNullOrWhiteSpace(parameters.ValidIssuer) && parameters.ValidIssuers?.Any(i => !string.IsNullOrWhiteSpace(i)) != true))
        {
            failures.Add($"Set {Section}:ValidIssuer (or ValidIssuers): tokens from any issuer would be accepted.");
        }

        if (!parameters.ValidateAudience || (string.IsNullOrWhiteSpace(parameters.ValidAudience) && parameters.ValidAudiences?.Any(a => !string.IsNullOrWhiteSpace(a)) != true))
        {
            failures.Add($"Set {Section}:ValidAudiences: tokens meant for any other service would be accepted.");
        }

        if (!parameters.ValidateLifetime || !parameters.RequireExpirationTime || !parameters.RequireSignedTokens)
        {
            failures.Add($"{Section} must validate lifetimes and signatures of tokens.");
        }

        if (!options.RequireHttpsMetadata && !environment.IsDevelopment())
        {
            failures.Add($"{Section}:RequireHttpsMetadata may be false only in Development.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
