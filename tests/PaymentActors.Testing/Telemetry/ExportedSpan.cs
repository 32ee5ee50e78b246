using PaymentActors.Testing.Telemetry.Otlp;

namespace PaymentActors.Testing.Telemetry;

/// <summary>One span as a program exported it over OTLP: ids in lower-case hex, the parent null for a root.</summary>
public sealed record ExportedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlySet<string> ExportedBy);
