using PaymentActors.Testing.Prometheus;

namespace PaymentActors.Api.Tests;

/// <summary>deploy/prometheus as an operator uses it: the configuration is valid and every rule test file passes.</summary>
public sealed class PromtoolRuleTests
{
    public static TheoryData<string> RuleTestFiles()
    {
        var files = Directory.GetFiles(PrometheusProcess.DeployFolder, "*test*.yml").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        return [.. files];
    }

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public async Task The_alert_rule_unit_tests_pass_under_promtool(string file)
    {
        var (exitCode, output) = await Promtool.RunAsync(PrometheusProcess.DeployFolder, "test", "rules", file);

        Assert.True(exitCode == 0, $"promtool test rules {file} exited {exitCode}:\n{output}");
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scrape_configuration_and_its_rule_files_are_valid()
    {
        var (exitCode, output) = await Promtool.RunAsync(PrometheusProcess.DeployFolder, "check", "config", "prometheus.yml");

        Assert.True(exitCode == 0, $"promtool check config exited {exitCode}:\n{output}");
        Assert.Contains("6 rules found", output, StringComparison.Ordinal);
    }
}
