using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PaymentActors.MockGateway.Options;

namespace PaymentActors.MockGateway.Behaviour;

/// <summary>
/// The behaviour in force and the random decisions drawn from it. Declines are a pure function of
/// (seed, payment id), so the same seed declines the same payments whatever the order or concurrency of the
/// calls; latency and held responses come from one seeded sequence, reproducible for sequential runs.
/// </summary>
public sealed class GatewayConditions
{
    private static readonly string[] DeclineReasons = ["card_declined", "do_not_honor", "risk_rejected"];

    private readonly Lock _gate = new();
    private GatewayBehaviour _current;
    private Random _dice;

    public GatewayConditions(IOptions<GatewayBehaviourOptions> options)
    {
        var configured = options.Value;
        _current = GatewayBehaviour.FromOptions(configured, configured.Seed ?? Random.Shared.Next());
        _dice = new Random(_current.Seed);
    }

    public GatewayBehaviour Current => Volatile.Read(ref _current);

    /// <summary>Applies an update when the result is valid; naming a seed (even the same one) restarts the sequence.</summary>
    public bool TryUpdate(BehaviourUpdate update, out GatewayBehaviour behaviour, out BehaviourViolation? violation)
    {
        lock (_gate)
        {
            var next = update.ApplyTo(_current);
            violation = next.FindViolation();
            if (violation is not null)
            {
                behaviour = _current;
                return false;
            }

            if (update.Seed is not null)
            {
                _dice = new Random(next.Seed);
            }

            Volatile.Write(ref _current, next);
            behaviour = next;
            return true;
        }
    }

    /// <summary>The decline reason for a new charge, or null when it is approved.</summary>
    public string? DeclineReasonFor(string paymentId)
    {
        var behaviour = Current;
        if (behaviour.FailRate <= 0)
        {
            return null;
        }

        var roll = Roll(behaviour.Seed, paymentId, out var pick);
        return roll < behaviour.FailRate ? DeclineReasons[pick % DeclineReasons.Length] : null;
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits of SHA-256(seed:subject), and one more byte to pick with.</summary>
    private static double Roll(int seed, string subject, out byte pick)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}:{subject}")), digest);
        pick = digest[8];
        return (BinaryPrimitives.ReadUInt64LittleEndian(digest) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The decline reason for a new capture, or null when it is approved; a pure function of (seed, capture id).</summary>
    public string? CaptureDeclineReasonFor(string captureId)
    {
        var behaviour = Current;
        return behaviour.CaptureFailRate > 0 && Roll(behaviour.Seed, "capture:" + captureId, out _) < behaviour.CaptureFailRate
            ? "capture_declined"
            : null;
    }

    public TimeSpan NextLatency()
    {
        var behaviour = Current;
        if (behaviour.LatencyMaxMs == 0)
        {
            return TimeSpan.Zero;
        }

        lock (_gate)
        {
            return TimeSpan.FromMilliseconds(_dice.Next(behaviour.LatencyMinMs, behaviour.LatencyMaxMs + 1));
        }
    }

    /// <summary>Waits out the simulated processing latency of one call.</summary>
    public Task SimulateLatencyAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var latency = NextLatency();
        return latency > TimeSpan.Zero ? Task.Delay(latency, timeProvider, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Whether this response is held back (the call "times out" for the client after being recorded).</summary>
    public bool ShouldHoldResponse(out TimeSpan hold)
    {
        var behaviour = Current;
        hold = TimeSpan.FromMilliseconds(behaviour.TimeoutHoldMs);
        switch (behaviour.TimeoutRate)
        {
            case <= 0:
                return false;
            case >= 1:
                return true;
        }

        lock (_gate)
        {
            return _dice.NextDouble() < behaviour.TimeoutRate;
        }
    }
}
