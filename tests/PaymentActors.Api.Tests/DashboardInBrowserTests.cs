using System.Net;
using PaymentActors.Testing.Azurite;
using PaymentActors.Testing.Browser;

namespace PaymentActors.Api.Tests;

/// <summary>
/// The Orleans Dashboard as an operator sees it: headless Chromium on the management listener of the front door of
/// three silo processes, rendered, showing every running silo and the grain types of the payment. Screenshots of it
/// and of the API docs go to TestResults/.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DashboardInBrowserTests(ClientModeApiFixture api)
{
    private static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_dashboard_shows_every_silo_and_the_payment_grain_types_in_a_real_browser()
    {
        // A payment, so that wallet and payment grains are active.
        var user = TestIds.User();
        await ApiAssert.SuccessAsync(await api.Client.DepositAsync(user, "10.00"), HttpStatusCode.OK);
        await ApiAssert.SuccessAsync(await api.Client.CreatePaymentAsync(user, "1.00", wait: true), HttpStatusCode.OK);
        // Every silo process still running (a failover test may have killed one), as "IP:port@generation".
        var silos = api.Silos.Where(silo => !silo.HasExited).Select(silo => silo.Address).ToList();
        Assert.True(silos.Count >= ClientModeApiFixture.SiloCount - 1, string.Join(", ", silos));

        // The dashboard samples its counters every few seconds: wait until the rendered pages show them.
        var grainsPage = new Uri(api.ManagementAddress, "dashboard/#/grains");
        await Eventually.UntilAsync(
            () => HeadlessChromium.DumpDomAsync(grainsPage, RenderBudget),
            dom => dom.Contains(">WalletGrain<", StringComparison.Ordinal) && dom.Contains(">PaymentGrain<", StringComparison.Ordinal),
            "the dashboard's grains page to list WalletGrain and PaymentGrain",
            RenderTimeout);
        var silosPage = new Uri(api.ManagementAddress, "dashboard/#/silos");
        await Eventually.UntilAsync(
            () => HeadlessChromium.DumpDomAsync(silosPage, RenderBudget),
            dom => silos.All(silo => dom.Contains(silo, StringComparison.Ordinal)),
            $"the dashboard's silos page to list {string.Join(", ", silos)}",
            RenderTimeout);

        var results = Path.Combine(RepositoryRoot.Find(), "TestResults");
        await HeadlessChromium.ScreenshotAsync(new Uri(api.ManagementAddress, "dashboard/"), Path.Combine(results, "dashboard-overview.png"), RenderBudget);
        await HeadlessChromium.ScreenshotAsync(grainsPage, Path.Combine(results, "dashboard-grains.png"), RenderBudget);
        await HeadlessChromium.ScreenshotAsync(silosPage, Path.Combine(results, "dashboard-silos.png"), RenderBudget);
        await HeadlessChromium.ScreenshotAsync(new Uri(api.BaseAddress, "docs/"), Path.Combine(results, "api-docs.png"), RenderBudget);
        foreach (var screenshot in new[] { "dashboard-overview.png", "dashboard-grains.png", "dashboard-silos.png", "api-docs.png" })
        {
            Assert.True(new FileInfo(Path.Combine(results, screenshot)).Length > 10_000, $"{screenshot} is (nearly) empty");
        }
    }

    [Fact]
    public async Task Without_the_management_listener_the_dashboard_needs_an_operator()
    {
        using var anonymous = api.ClientWithToken(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/")).StatusCode);

        using var management = new HttpClient { BaseAddress = api.ManagementAddress };
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("dashboard/")).StatusCode);
    }
}
