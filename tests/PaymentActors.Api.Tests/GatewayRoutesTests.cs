using System.Net;
using System.Text.Json;

namespace PaymentActors.Api.Tests;

public sealed class GatewayRoutesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_simulated_gateway_reports_a_closed_breaker_with_every_field()
    {
        var health = await ApiAssert.SuccessAsync(await api.Client.GetAsync("/gateway"), HttpStatusCode.OK);

        Assert.Equal("mock", health.Text("provider"));
        Assert.Equal("closed", health.Text("state"));
        foreach (var count in new[] { "recent_failures", "recent_successes", "total_failures", "total_successes", "rejected_calls", "times_opened" })
        {
            Assert.Equal(0, health.GetProperty(count).GetInt64());
        }

        Assert.Equal(0, health.GetProperty("window_seconds").GetDouble());
        foreach (var time in new[] { "last_opened_at", "open_until", "last_closed_at" })
        {
            Assert.Equal(JsonValueKind.Null, health.GetProperty(time).ValueKind);
        }
    }
}
