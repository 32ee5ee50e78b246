using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PaymentActors.AzureTables.Diagnostics;

/// <summary>
/// Counts each request a Table service client sends, once per attempt: added at <see cref="HttpPipelinePosition.PerRetry"/>,
/// so a request the SDK retries counts every time it goes out. Measures only what really reaches (or tries to reach)
/// the service, whichever library built the request: Orleans's providers or our own stores.
/// </summary>
public sealed class StorageRequestCountingPolicy(StorageInstruments instruments, string service, string table) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = StorageRequest.Describe(message.Request, service, table);
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            instruments.Record(request, StatusOf(message), startedAt);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = StorageRequest.Describe(message.Request, service, table);
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            instruments.Record(request, StatusOf(message), startedAt);
        }
    }

    private static string StatusOf(HttpMessage message) =>
        message.HasResponse ? message.Response.Status.ToString(CultureInfo.InvariantCulture) : "none";
}
