using PaymentActors.Testing.Azurite;

namespace PaymentActors.Api.Tests;

/// <summary>
/// docker-compose.yml publishes nothing beyond this machine's loopback: the front door takes bearer tokens over plain
/// HTTP, the management listener needs no token, and the mock gateway and Azurite are test doubles.
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Every_published_port_is_bound_to_loopback()
    {
        var published = PublishedPorts(File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "docker-compose.yml")));

        // The front door, its management listener, the mock gateway and Azurite's two services.
        Assert.True(published.Count >= 5, $"Expected the published ports of docker-compose.yml, found: {string.Join(", ", published)}");
        Assert.All(published, port => Assert.StartsWith("127.0.0.1:", port, StringComparison.Ordinal));
    }

    /// <summary>The entries of every <c>ports:</c> list (short syntax, one per line), quotes removed.</summary>
    private static List<string> PublishedPorts(string[] lines)
    {
        var ports = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "ports:")
            {
                continue;
            }

            var indent = Indent(lines[i]);
            for (i++; i < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#') || Indent(lines[i]) > indent); i++)
            {
                if (lines[i].Trim() is ['-', ..] entry)
                {
                    ports.Add(entry[1..].Trim().Trim('"', '\''));
                }
            }

            i--;
        }

        return ports;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;
}
