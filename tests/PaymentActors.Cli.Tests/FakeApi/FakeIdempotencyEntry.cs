namespace PaymentActors.Cli.Tests.FakeApi;

/// <summary>What the fake remembers of one (user, key): the body it came with and the payment it made.</summary>
internal sealed class FakeIdempotencyEntry(string fingerprint)
{
    public string Fingerprint { get; } = fingerprint;

    public string? PaymentId { get; set; }

    /// <summary>True while the key's first request has not answered yet.</summary>
    public bool InFlight { get; set; } = true;
}
