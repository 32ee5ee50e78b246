using Azure;
using Orleans.Serialization;
using Orleans.Storage;
using PaymentActors.Grains.Payments;
using PaymentActors.Grains.Persistence;

namespace PaymentActors.Grains.Tests;

/// <summary>Which storage errors a grain retries (transient) and which it does not (deterministic): issue 10, item 9.</summary>
public sealed class StorageErrorsTests
{
    public static TheoryData<int, string> Refused => new()
    {
        { 400, "EntityTooLarge" },
        { 400, "PropertyValueTooLarge" },
        { 400, "InvalidInput" },
        { 400, "OutOfRangeInput" },
        { 413, "RequestBodyTooLarge" },
    };

    public static TheoryData<int, string> PassingTrouble => new()
    {
        { 408, "OperationTimedOut" },
        { 429, "TooManyRequests" },
        { 500, "InternalError" },
        { 502, "BadGateway" },
        { 503, "ServerBusy" },
        { 504, "GatewayTimeout" },
        { 0, "" }, // no answer at all: the connection broke
        { 401, "AuthenticationFailed" },
        { 403, "AuthorizationFailure" },
        { 404, "TableNotFound" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_request_storage_refuses_for_what_it_is_is_deterministic(int status, string code) =>
        Assert.True(StorageErrors.IsDeterministic(new RequestFailedException(status, "refused", code, null)));

    [Theory]
    [MemberData(nameof(PassingTrouble))]
    public void Timeouts_throttling_outages_and_access_trouble_are_transient(int status, string code) =>
        Assert.False(StorageErrors.IsDeterministic(new RequestFailedException(status, "trouble", code, null)));

    [Fact]
    public void Orleans_table_providers_size_check_is_deterministic() =>
        Assert.True(StorageErrors.IsDeterministic(new ArgumentOutOfRangeException("GrainState.Size", "Data too large to write to Azure table.")));

    [Fact]
    public void A_state_that_cannot_be_serialized_is_deterministic() =>
        Assert.True(StorageErrors.IsDeterministic(new CodecNotFoundException("no codec")));

    [Fact]
    public void A_concurrency_conflict_is_not_deterministic_even_when_its_cause_is_a_409() =>
        Assert.False(StorageErrors.IsDeterministic(new InconsistentStateException("stale etag", new RequestFailedException(409, "conflict"))));

    [Fact]
    public void Plain_transient_failures_are_transient()
    {
        Assert.False(StorageErrors.IsDeterministic(new TimeoutException()));
        Assert.False(StorageErrors.IsDeterministic(new IOException("connection reset")));
        Assert.False(StorageErrors.IsDeterministic(new HttpRequestException("no route")));
        Assert.False(StorageErrors.IsDeterministic(new TaskCanceledException()));
    }

    [Fact]
    public void The_cause_counts_through_wrappers()
    {
        Assert.True(StorageErrors.IsDeterministic(new StepFailedException("persist", 1, new RequestFailedException(413, "too large"))));
        Assert.True(StorageErrors.IsDeterministic(new AggregateException(new RequestFailedException(400, "bad"))));
        Assert.False(StorageErrors.IsDeterministic(new StepFailedException("persist", 4, new RequestFailedException(503, "busy"))));
    }
}
