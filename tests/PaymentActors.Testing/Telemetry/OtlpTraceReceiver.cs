using System.Net;
using Google.Protobuf;
using PaymentActors.Testing.Telemetry.Otlp;

namespace PaymentActors.Testing.Telemetry;

/// <summary>
/// Where the programs under test export their traces, as they would to a collector: an OTLP/HTTP (protobuf) endpoint
/// on a loopback port. Give a program <see cref="Settings"/>; the spans it sends are in <see cref="OfTrace"/>.
/// An <see cref="HttpListener"/> rather than ASP.NET Core, so that receiving spans makes no spans of its own.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ExportedSpan> _spans = [];
    private readonly Task _receiving;

    private OtlpTraceReceiver(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _receiving = ReceiveAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// The standard OpenTelemetry settings ("--Key=value") that make a program export here, in batches every 500 ms
    /// (the default is 5 s) so that a test sees a trace soon after it ends, without busying the processes more often.
    /// </summary>
    public IReadOnlyList<string> Settings =>
    [
        $"--OTEL_EXPORTER_OTLP_ENDPOINT={Endpoint}",
        "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        "--OTEL_BSP_SCHEDULE_DELAY=500",
    ];

    public static OtlpTraceReceiver Start() => new(LoopbackPorts.Free());

    /// <summary>
    /// The spans of one trace in start order, each once (a span that two tracer providers of one process both
    /// recorded is sent twice), with every service that exported it.
    /// </summary>
    public IReadOnlyList<ExportedSpan> OfTrace(string traceId)
    {
        lock (_spans)
        {
            return
            [
                .. _spans.Where(span => span.TraceId == traceId)
                    .GroupBy(span => span.SpanId)
                    .Select(copies => copies.First() with { ExportedBy = copies.Select(c => c.Service).ToHashSet() })
                    .OrderBy(span => span.Start),
            ];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _receiving;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Likewise.
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            try
            {
                await AnswerAsync(context);
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException)
            {
                // The exporter hung up (its process stopped): the next one is still served.
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            // Metrics (/v1/metrics) are accepted and dropped.
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                Keep(ExportTraceServiceRequest.Parser.ParseFrom(context.Request.InputStream));
            }
        }
        catch (InvalidProtocolBufferException)
        {
            response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/x-protobuf";
        await response.OutputStream.WriteAsync(new ExportTraceServiceResponse().ToByteArray());
    }

    private void Keep(ExportTraceServiceRequest request)
    {
        var received = new List<ExportedSpan>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = resourceSpans.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "";
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                received.AddRange(scopeSpans.Spans.Select(span => new ExportedSpan(
                    service,
                    scopeSpans.Scope?.Name ?? "",
                    Convert.ToHexStringLower(span.TraceId.Span),
                    Convert.ToHexStringLower(span.SpanId.Span),
                    span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(span.ParentSpanId.Span),
                    span.Name,
                    span.Kind,
                    DateTimeOffset.UnixEpoch.AddTicks((long)(span.StartTimeUnixNano / 100)),
                    TimeSpan.FromTicks((long)((span.EndTimeUnixNano - span.StartTimeUnixNano) / 100)),
                    new HashSet<string> { service })));
            }
        }

        lock (_spans)
        {
            _spans.AddRange(received);
        }
    }
}
