using System.Globalization;

namespace PaymentActors.AzureTables.Benchmark;

/// <summary>Command line: [--writers N] [--seconds S] [--connection-string CS]; the connection string may also come from ConnectionStrings__AzureTables.</summary>
internal sealed record BenchmarkSettings(int Writers, TimeSpan Duration, string ConnectionString)
{
    private const string AzuriteDefault =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static BenchmarkSettings Parse(string[] args)
    {
        var writers = 16;
        var seconds = 10;
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__AzureTables") ?? AzuriteDefault;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--writers":
                    writers = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--connection-string":
                    connectionString = args[i + 1];
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'. Options: --writers N, --seconds S, --connection-string CS.");
            }
        }

        if (writers is < 1 or > 1024 || seconds is < 1 or > 600)
        {
            throw new ArgumentException("--writers must be 1..1024 and --seconds 1..600.");
        }

        return new BenchmarkSettings(writers, TimeSpan.FromSeconds(seconds), connectionString);
    }
}
