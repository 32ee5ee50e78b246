using System.Globalization;

namespace PaymentActors.PgPeer;

/// <summary>
/// Command line: <c>--connection-string CS --gateway-url URL [--clients N] [--wallets N] [--seconds S] [--warmup S]
/// [--postgres-pid PID] [--report FILE]</c>. One wallet is the hot wallet; more wallets are paid from at random.
/// </summary>
internal sealed record PgPeerSettings(
    string ConnectionString,
    Uri GatewayUrl,
    int Clients,
    int Wallets,
    TimeSpan Duration,
    TimeSpan Warmup,
    int? PostgresPid,
    string? ReportPath)
{
    public static PgPeerSettings Parse(string[] args)
    {
        string? connection = null;
        string? gateway = null;
        string? report = null;
        int? postgresPid = null;
        var clients = 64;
        var wallets = 1;
        var seconds = 12.0;
        var warmup = 10.0;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--connection-string": connection = value; break;
                case "--gateway-url": gateway = value; break;
                case "--clients": clients = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--wallets": wallets = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--postgres-pid": postgresPid = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--report": report = value; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return new PgPeerSettings(
            connection ?? throw new ArgumentException("--connection-string is required."),
            new Uri((gateway ?? throw new ArgumentException("--gateway-url is required.")).TrimEnd('/') + "/"),
            clients,
            wallets,
            TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(warmup),
            postgresPid,
            report);
    }
}
