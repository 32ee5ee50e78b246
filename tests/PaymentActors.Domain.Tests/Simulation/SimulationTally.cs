using System.Globalization;

namespace PaymentActors.Domain.Tests.Simulation;

/// <summary>What the seeds exercised, added up, so that a run shows it covered the paths and the faults it claims.</summary>
internal sealed class SimulationTally
{
    private readonly SortedDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public void Add(string what, long count = 1) => _counts[what] = _counts.GetValueOrDefault(what) + count;

    public void Add(SimulationTally other)
    {
        foreach (var (what, count) in other._counts)
        {
            Add(what, count);
        }
    }

    public override string ToString() =>
        string.Join(", ", _counts.Select(c => c.Key + " " + c.Value.ToString(CultureInfo.InvariantCulture)));
}
