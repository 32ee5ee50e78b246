using System.Diagnostics;

namespace PaymentActors.Cli.Commands;

/// <summary>
/// Mints an operator token the way the README does, with the SDK's <c>dotnet user-jwts</c> for the API project, so a
/// load test against <c>./run.sh</c> needs no flag. The API validates it with the key the tool keeps in user secrets.
/// </summary>
internal static class OperatorToken
{
    public const string EnvironmentVariable = "PAYMENTACTORS_TOKEN";
    public const string Name = "paymentactors-cli";
    private static readonly string ApiProject = Path.Combine("src", "PaymentActors.Api", "PaymentActors.Api.csproj");

    /// <summary>The token, or null when the API project is not found above the working folder or the tool fails.</summary>
    public static async Task<string?> MintAsync(CancellationToken cancellationToken)
    {
        if (FindApiProject() is not { } project) return null;

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "user-jwts", "create", "--project", project, "--name", Name, "--role", "operator", "--output", "token" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start);
        if (process is null) return null;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var token = (await output.ConfigureAwait(false)).Trim();
        return process.ExitCode == 0 && token.Length > 0 ? token : null;
    }

    private static string? FindApiProject()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, ApiProject);
                if (File.Exists(candidate)) return candidate;
            }
        }

        return null;
    }
}
