using System.Text.Json.Nodes;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>
/// The live document passes Redocly's recommended rules (as redocly.yaml at the repository root sets them), and every
/// route the app maps is in it with what the pipeline may answer for it.
/// </summary>
public sealed class DocumentLintTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_live_document_passes_Redocly_lint_with_no_error_and_no_warning()
    {
        var (exitCode, output) = await ContractTools.RunAsync("redocly", "lint", new Uri(api.BaseAddress, "/openapi/v1.json").ToString(), "--format=json");

        var start = output.IndexOf('{', StringComparison.Ordinal);
        Assert.True(start >= 0, $"redocly lint printed no report (exit code {exitCode}):\n{output}");
        var report = JsonNode.Parse(output[start..(output.LastIndexOf('}') + 1)])!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"[{p!["severity"]}] {p["ruleId"]}: {p["message"]} at {string.Join(", ", p["location"]!.AsArray().Select(l => l!["pointer"]))}")
            .ToList();
        Assert.True(exitCode == 0 && problems.Count == 0, $"redocly lint (exit code {exitCode}) found {problems.Count} problems:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public async Task Every_route_is_documented_with_its_id_limits_and_the_answers_of_its_guards()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();
        var problems = new List<string>();
        foreach (var route in ApiRoutes.Of(api))
        {
            // A group's own route is mapped as "/payments/"; the document names it "/payments".
            var template = route.Template.Length > 1 ? route.Template.TrimEnd('/') : route.Template;
            if (paths[template]?[route.Method.ToLowerInvariant()] is not JsonObject operation)
            {
                problems.Add($"{route} is mapped but not in the document.");
                continue;
            }

            var responses = operation["responses"]!.AsObject();
            var guarded = operation["security"] is not JsonArray { Count: 0 };
            foreach (var status in guarded ? new[] { "401", "403", "429" } : ["429"])
            {
                if (!responses.ContainsKey(status)) problems.Add($"{route} does not document {status}.");
            }

            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if ((string?)parameter!["in"] == "path" && (int?)parameter["schema"]?["maxLength"] != Identifiers.IdGrammar.MaxLength)
                {
                    problems.Add($"{route}: path parameter {parameter["name"]} is not limited to {Identifiers.IdGrammar.MaxLength} characters.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
