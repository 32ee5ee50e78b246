using System.Security.Cryptography;

namespace PaymentActors.Events;

/// <summary>Identifiers that sort by creation time (Unix milliseconds, then randomness), like UUID v7.</summary>
public static class EventIds
{
    /// <summary>A time-ordered id with a prefix ("evt", "pay", "dep", "rf"…).</summary>
    public static string New(string prefix, DateTimeOffset at) => prefix + "_" + Guid.CreateVersion7(at).ToString("N");

    /// <summary>A deterministic id derived from a scope and a client key (idempotency keys).</summary>
    public static string Derive(string prefix, string scope, string key)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(scope + "\n" + key));
        return prefix + "_" + Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
