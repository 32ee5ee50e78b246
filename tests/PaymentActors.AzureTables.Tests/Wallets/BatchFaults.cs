using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PaymentActors.AzureTables.Tests.Wallets;

/// <summary>
/// Fails chosen entity-group transactions ("$batch" requests) before they are sent, as a crash between two of a
/// commit's transactions would leave things; counts every request sent.
/// </summary>
internal sealed class BatchFaults : HttpPipelinePolicy
{
    private int _batches;
    private int _failAt = -1;
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The <paramref name="n"/>-th batch from now (1 = the next) fails.</summary>
    public void FailBatch(int n) => Volatile.Write(ref _failAt, Volatile.Read(ref _batches) + n);

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        return ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        ProcessNext(message, pipeline);
    }

    private void Fail(HttpMessage message)
    {
        Interlocked.Increment(ref _requests);
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _batches) == Volatile.Read(ref _failAt))
        {
            throw new RequestFailedException("Injected: the process stopped before this transaction was sent.");
        }
    }
}
