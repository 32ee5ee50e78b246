using System.Globalization;

namespace PaymentActors.SeedPeer;

/// <summary>Command line: <c>--connection-string CS --workers N --seconds S [--warmup S] [--report FILE]</c>.</summary>
internal sealed record PeerSettings(string ConnectionString, int Workers, TimeSpan Duration, TimeSpan Warmup, string? ReportPath)
{
    public static PeerSettings Parse(string[] args)
    {
        string? connection = null;
        string? report = null;
        var workers = 64;
        var seconds = 12.0;
        var warmup = 3.0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--connection-string": connection = args[i + 1]; break;
                case "--workers": workers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--report": report = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return new PeerSettings(
            connection ?? throw new ArgumentException("--connection-string is required."),
            workers,
            TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(warmup),
            report);
    }
}
