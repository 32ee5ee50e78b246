using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentActors.Gateway;
using PaymentActors.Gateway.Http.Hosting;
using PaymentActors.Gateway.Http.Options;

namespace PaymentActors.MockGateway.Tests;

public sealed class HttpGatewayOptionsTests
{
    [Fact]
    public void AddHttpPaymentGateway_BindsTheConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaymentGateway:BaseUrl"] = "http://gateway.internal:8080",
            ["PaymentGateway:AttemptTimeout"] = "00:00:03",
            ["PaymentGateway:MaxRetryAttempts"] = "4",
            ["PaymentGateway:BreakerFailureRatio"] = "0.25",
            ["PaymentGateway:BreakerMinimumThroughput"] = "20",
            ["PaymentGateway:BreakerSamplingDuration"] = "00:01:00",
            ["PaymentGateway:BreakerBreakDuration"] = "00:00:05",
        }).Build();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddHttpPaymentGateway(configuration.GetSection(HttpGatewayOptions.SectionName))
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HttpGatewayOptions>>().Value;

        Assert.Equal("http://gateway.internal:8080", options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AttemptTimeout);
        Assert.Equal(4, options.MaxRetryAttempts);
        Assert.Equal(0.25, options.BreakerFailureRatio);
        Assert.Equal(20, options.BreakerMinimumThroughput);
        Assert.Equal(TimeSpan.FromMinutes(1), options.BreakerSamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BreakerBreakDuration);
        Assert.NotNull(provider.GetRequiredService<IPaymentGateway>());
    }

    [Fact]
    public void AddHttpPaymentGateway_InvalidOptions_FailWithEveryProblemNamed()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddHttpPaymentGateway(options =>
            {
                options.BaseUrl = "not a url";
                options.BreakerFailureRatio = 0;
                options.BreakerMinimumThroughput = 1;
                options.BreakerBreakDuration = TimeSpan.FromMilliseconds(100);
                options.MaxRetryAttempts = -1;
            })
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPaymentGateway>());

        Assert.Contains(failure.Failures, f => f.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("BreakerFailureRatio", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("BreakerMinimumThroughput", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("BreakerBreakDuration", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
    }
}
