using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>
/// Deterministic simulation of money under faults (in the manner of TigerBeetle's VOPR): each seed drives the real
/// payment decider and wallet book through a faulty network, gateway and storage, checking the money invariants
/// after every step (see <see cref="PaymentWorld"/>). A failure names its seed and prints its trace.
/// </summary>
/// <remarks>
/// Replay one seed: <c>SIM_SEED=1234 dotnet test tests/PaymentActors.Domain.Tests --filter FullyQualifiedName~Simulation</c>.
/// Long mode: <c>SIM_SEEDS=100000</c> (and <c>SIM_FIRST_SEED</c>, <c>SIM_STEPS</c>) runs as many as you like.
/// </remarks>
public sealed class PaymentSimulationTests(ITestOutputHelper output)
{
    private const int DefaultSeeds = 1000;
    private const int DefaultSteps = 200;

    [Fact]
    public void Money_holds_under_faults_for_every_seed()
    {
        var steps = Setting("SIM_STEPS", DefaultSteps);
        var only = Environment.GetEnvironmentVariable("SIM_SEED");
        var first = only is null ? Setting("SIM_FIRST_SEED", 1) : int.Parse(only, CultureInfo.InvariantCulture);
        var seeds = only is null ? Setting("SIM_SEEDS", DefaultSeeds) : 1;

        var clock = Stopwatch.StartNew();
        long stepsRun = 0;
        var tally = new SimulationTally();
        for (var seed = first; seed < first + seeds; seed++)
        {
            var world = new PaymentWorld(seed);
            try
            {
                world.Run(steps);
            }
            catch (SimulationFailure failure)
            {
                var trace = only is null ? failure.Trace.TakeLast(400) : failure.Trace;
                Report(string.Join(Environment.NewLine, trace));
                Report($"Replay: SIM_SEED={seed} dotnet test tests/PaymentActors.Domain.Tests -c Release --filter FullyQualifiedName~Simulation");
                Assert.Fail($"{failure.Message} (after {seed - first} passing seeds)");
            }

            stepsRun += world.Steps;
            tally.Add(world.Tally);
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        Report(string.Create(CultureInfo.InvariantCulture,
            $"Simulation: {seeds} seeds (from {first}), {steps} faulty steps each, {stepsRun} steps in all with the settling, {seconds:0.0} s, {stepsRun / seconds:0} steps/s"));
        Report("Covered: " + tally);
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
