using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using PaymentActors.MockGateway.Admin;
using PaymentActors.MockGateway.Tests.Support;

namespace PaymentActors.MockGateway.Tests;

/// <summary>The admin routes answer this machine only, unless Admin:AllowRemote opens them.</summary>
public sealed class AdminLoopbackTests
{
    [Theory]
    [InlineData("192.0.2.10", false, StatusCodes.Status403Forbidden)]
    [InlineData("192.0.2.10", true, StatusCodes.Status200OK)]
    [InlineData("127.0.0.1", false, StatusCodes.Status200OK)]
    [InlineData("::1", false, StatusCodes.Status200OK)]
    public async Task Only_loopback_callers_reach_the_admin_routes_by_default(string remote, bool allowRemote, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [LoopbackOnlyFilter.AllowRemoteKey] = allowRemote ? "true" : null })
            .Build();
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider(),
        };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Response.Body = new MemoryStream();
        var filter = new LoopbackOnlyFilter(configuration);

        var result = await filter.InvokeAsync(
            new DefaultEndpointFilterInvocationContext(http),
            _ => ValueTask.FromResult<object?>(Results.Ok()));
        await ((IResult)result!).ExecuteAsync(http);

        Assert.Equal(expected, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_loopback_caller_changes_the_behaviour()
    {
        await using var gateway = await RunningMockGateway.StartAsync();

        using var response = await gateway.Client.GetAsync("admin/behaviour");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
