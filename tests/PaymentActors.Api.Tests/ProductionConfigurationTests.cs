using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentActors.Testing;

namespace PaymentActors.Api.Tests;

/// <summary>
/// Authentication cannot be switched off by a configuration mistake: the app refuses to start (its bearer options fail
/// validation, checked at start-up) when production configuration lacks keys, an issuer or an audience, or weakens them.
/// Only the options are resolved here; no silo starts.
/// </summary>
public sealed class ProductionConfigurationTests
{
    private const string Section = "--Authentication:Schemes:Bearer";

    [Fact]
    public void Production_without_any_bearer_configuration_refuses_to_start()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => BearerOptions());

        Assert.Contains("No bearer token can be validated", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bearer_options_are_validated_when_the_host_starts_not_at_the_first_request()
    {
        // The host runs IStartupValidator before it listens: without ValidateOnStart the app would start and serve
        // anonymous routes until a first authenticated request failed.
        var app = PaymentActorsApp.Build(["--environment=Production"]);
        try
        {
            var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
            Assert.Equal(JwtBearerDefaults.AuthenticationScheme, failure.OptionsName);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Theory]
    [InlineData("audience left out", $"{Section}:ValidAudiences:0=")]
    [InlineData("issuer left out", $"{Section}:ValidIssuer=")]
    [InlineData("plain-HTTP metadata", $"{Section}:RequireHttpsMetadata=false")]
    public void Production_with_weakened_token_validation_refuses_to_start(string why, string setting)
    {
        Assert.Throws<OptionsValidationException>(() => BearerOptions([.. TestTokens.ApiSettings, setting]));
        Assert.NotNull(why);
    }

    [Fact]
    public void Production_with_keys_issuer_and_audience_starts()
    {
        var options = BearerOptions([.. TestTokens.ApiSettings]);

        Assert.True(options.TokenValidationParameters.ValidateIssuer);
        Assert.True(options.TokenValidationParameters.ValidateAudience);
        Assert.NotEmpty(options.TokenValidationParameters.IssuerSigningKeys);
    }

    private static JwtBearerOptions BearerOptions(params string[] settings)
    {
        var app = PaymentActorsApp.Build(["--environment=Production", .. settings]);
        try
        {
            return app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }
}
