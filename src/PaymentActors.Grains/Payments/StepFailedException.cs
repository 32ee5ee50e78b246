namespace PaymentActors.Grains.Payments;

/// <summary>A saga step that still failed after every retry.</summary>
public sealed class StepFailedException(string step, int attempts, Exception inner)
    : Exception($"Step '{step}' failed after {attempts} attempts: {inner.Message}", inner)
{
    public string Step { get; } = step;

    public int Attempts { get; } = attempts;
}
