using System.Reflection;
using System.Xml.Linq;
using PaymentActors.Wallets;

namespace PaymentActors.Domain.Tests;

/// <summary>
/// The Domain project holds rules only: no Orleans runtime, nothing of Azure or ASP.NET, none of the projects that do
/// I/O or host. Checked twice: what the project file asks for, and what the compiled assembly really references.
/// </summary>
public sealed class DomainLayeringTests
{
    private static readonly string[] AllowedPackages = ["Microsoft.Orleans.Sdk"];

    private static readonly string[] ForbiddenAssemblyPrefixes =
    [
        "PaymentActors.Grains", "PaymentActors.Api", "PaymentActors.AzureTables", "PaymentActors.Hosting",
        "PaymentActors.Silo", "PaymentActors.Gateway.Http", "PaymentActors.Abstractions",
        "Orleans.Runtime", "Orleans.Server", "Orleans.Client", "Orleans.Core,", "Orleans.Streaming",
        "Orleans.Persistence", "Orleans.Reminders", "Orleans.Clustering", "Azure.", "Microsoft.AspNetCore",
    ];

    [Fact]
    public void The_project_file_asks_for_the_orleans_sdk_and_no_project()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "PaymentActors.Domain", "PaymentActors.Domain.csproj"));

        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();
        var projects = project.Descendants("ProjectReference").Select(p => (string?)p.Attribute("Include")).ToList();

        Assert.All(packages, p => Assert.True(
            AllowedPackages.Contains(p) || (p!.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal) && p.EndsWith(".Abstractions", StringComparison.Ordinal)),
            $"package {p} is not allowed in the Domain project"));
        Assert.Empty(projects);
    }

    [Fact]
    public void The_compiled_assembly_references_no_runtime_storage_or_host()
    {
        var references = typeof(WalletBook).Assembly.GetReferencedAssemblies().Select(a => a.FullName).ToList();

        var forbidden = references.Where(r => ForbiddenAssemblyPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();

        Assert.True(forbidden.Count == 0, "the Domain assembly references " + string.Join(", ", forbidden));
        Assert.Contains(references, r => r.StartsWith("Orleans.Serialization", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PaymentActors.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PaymentActors.sln not found above " + AppContext.BaseDirectory);
    }
}
