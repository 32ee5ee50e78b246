using System.Text.Json.Nodes;

namespace PaymentActors.Api.Tests.Contract;

/// <summary>One request the contract test sent through Prism, the operation it was meant for, and what Prism said.</summary>
public sealed record ContractCall(string Operation, string Label, string Method, string Path, int Status, IReadOnlyList<PrismViolation> Violations)
{
    /// <summary>Violations that fail the test: any about the answer, and any about a request the API accepted.</summary>
    public IEnumerable<PrismViolation> Failures => Violations.Where(v => v.IsAboutResponse || Status < 400);

    /// <summary>The answer's body, for reading ids the scenario created.</summary>
    public string Body { get; init; } = "";

    public override string ToString() => $"{Method} {Path} ({Label}) -> {Status}";
}

/// <summary>One entry of Prism's <c>sl-violations</c> header.</summary>
public sealed record PrismViolation(string Location, string Severity, string Message)
{
    public bool IsAboutResponse => Location.StartsWith("response", StringComparison.Ordinal);

    public static IReadOnlyList<PrismViolation> Parse(string? header)
    {
        if (string.IsNullOrEmpty(header)) return [];
        return JsonNode.Parse(header)!.AsArray()
            .Select(v => new PrismViolation(
                string.Join('.', v!["location"]?.AsArray().Select(part => part?.ToString()) ?? []),
                v["severity"]?.ToString() ?? "",
                v["message"]?.ToString() ?? ""))
            .ToList();
    }

    public override string ToString() => $"[{Severity}] {Location}: {Message}";
}
