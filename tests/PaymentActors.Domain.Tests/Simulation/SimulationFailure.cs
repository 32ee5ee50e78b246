namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>An invariant broke: the message names the seed, the step and the rule; the trace is the seed's inputs.</summary>
internal sealed class SimulationFailure(string message, IReadOnlyList<string> trace) : Exception(message)
{
    public IReadOnlyList<string> Trace { get; } = trace;
}
