using GovReport.Host.Features.Seed;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovReport.Host.Tests.Browser;

/// <summary>
/// The dashboard, the month's form and the auditor's pages in a real browser: charts drawn, no
/// horizontal scroll on a 360 px phone, no serious accessibility violation, a first load within
/// 300 KB, and screenshots at 1280 and 360 px for a reviewer.
/// </summary>
public sealed class DashboardBrowserTests(BrowserHostFactory host) : IClassFixture<BrowserHostFactory>
{
    private const string Dashboard = "/tong-hop/bac-kan?period=2022-08&view=ytd&indicator=forest-planted";

    private async Task<IPage> SignedInAsync(string user, int width = 1280)
    {
        var page = await host.NewPageAsync(width);
        await BrowserSteps.SignInAsync(page, user, DemoAccounts.Password);
        return page;
    }

    private static Task<int> ScrollWidthAsync(IPage page) => page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");

    [Fact]
    public async Task The_dashboard_draws_its_charts_and_fits_a_360_px_phone()
    {
        var leader = await SignedInAsync(DemoAccounts.Leader);
        await leader.GotoAsync(Dashboard);

        await Expect(leader.Locator("svg.year-chart")).ToBeVisibleAsync();
        await Expect(leader.Locator("svg.year-chart polyline")).ToHaveCountAsync(2);
        await Expect(leader.GetByRole(AriaRole.Img, new() { Name = "Trồng rừng: 113% kế hoạch, đạt kế hoạch" })).ToBeVisibleAsync();
        await Expect(leader.Locator("table.series-table")).ToContainTextAsync("Tháng 8");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(leader));
        await BrowserSteps.ScreenshotAsync(leader, "tong-hop-bieu-do");

        // The pickers work without script: choosing a view and pressing Xem is a plain GET.
        await leader.GetByLabel("Cách xem").SelectOptionAsync("month");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        Assert.Contains("view=month", leader.Url);

        await leader.SetViewportSizeAsync(360, 800);
        await leader.GotoAsync(Dashboard);
        Assert.True(await ScrollWidthAsync(leader) <= 360, $"the dashboard scrolls sideways at 360 px: {await ScrollWidthAsync(leader)}");
        await Expect(leader.Locator("svg.year-chart")).ToBeVisibleAsync();

        var block = await SignedInAsync(DemoAccounts.Auditor);
        await block.GotoAsync("/tong-hop/khoi/kinh-te?period=2022-08");
        await Expect(block.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Khối Kinh tế");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(block));
        await BrowserSteps.ScreenshotAsync(block, "tong-hop-khoi");
    }

    [Fact]
    public async Task The_dashboards_first_load_weighs_at_most_300_KB()
    {
        var leader = await SignedInAsync(DemoAccounts.Leader);
        var bytes = await BrowserSteps.TransferredBytesAsync(leader, Dashboard);
        Assert.True(bytes <= 300 * 1024, $"{bytes} bytes");
    }

    [Fact]
    public async Task The_months_form_stacks_at_360_px_label_above_input()
    {
        var clerk = await SignedInAsync(DemoAccounts.Clerk, 360);
        await clerk.GotoAsync("/bao-cao/xa-nong-thuong/2023-05");

        var input = clerk.GetByLabel("Trồng rừng (ha)", new() { Exact = true });
        await Expect(input).ToBeVisibleAsync();
        var label = (await clerk.Locator("label[for=f-forest-planted]").BoundingBoxAsync())!;
        var field = (await input.BoundingBoxAsync())!;
        Assert.True(label.Y + label.Height <= field.Y + 1, $"label bottom {label.Y + label.Height} is not above the input's top {field.Y}");
        Assert.True(field.X + field.Width <= 360);
        Assert.True(await ScrollWidthAsync(clerk) <= 360, $"the form scrolls sideways at 360 px: {await ScrollWidthAsync(clerk)}");
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(BrowserSteps.RepoRoot, "benchmark-results", "screenshots", "bao-cao-dien-thoai-360.png"), FullPage = true });
    }

    [Fact]
    public async Task The_auditors_event_log_and_verify_pages_are_accessible()
    {
        var auditor = await SignedInAsync(DemoAccounts.Auditor);
        await auditor.GotoAsync("/kiem-toan/nhat-ky?unit=xa-nong-thuong&limit=20");
        await Expect(auditor.Locator("table.events tbody tr").First).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(auditor));
        await BrowserSteps.ScreenshotAsync(auditor, "kiem-toan-nhat-ky");

        await auditor.GotoAsync("/kiem-toan/kiem-tra");
        await Expect(auditor.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra lại" })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(auditor));
        await BrowserSteps.ScreenshotAsync(auditor, "kiem-toan-kiem-tra");
    }
}
