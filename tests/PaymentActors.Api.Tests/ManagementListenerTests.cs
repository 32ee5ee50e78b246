using System.Net;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The dashboard and /metrics need no token on the management listener (bound to loopback), and an operator's token
/// on the public one; the API's own routes need their tokens on both.
/// </summary>
public sealed class ManagementListenerTests(ManagementApiFixture api) : IClassFixture<ManagementApiFixture>
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/metrics")]
    public async Task Operator_surfaces_open_without_a_token_only_on_the_management_listener(string path)
    {
        using var management = new HttpClient { BaseAddress = api.ManagementAddress };
        using var anonymous = api.ClientWithToken(null);

        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync(path)).StatusCode);
        await ApiAssert.ErrorAsync(await anonymous.GetAsync(path), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Api_routes_still_need_a_token_on_the_management_listener()
    {
        using var management = new HttpClient { BaseAddress = api.ManagementAddress };

        await ApiAssert.ErrorAsync(await management.GetAsync("/gateway"), HttpStatusCode.Unauthorized, "unauthorized");
    }
}
