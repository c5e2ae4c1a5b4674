using GovReport.Host.Features.Seed;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovReport.Host.Tests.Browser;

/// <summary>
/// The month of a commune's report from the clerk's form to the approver and the auditor, in a real
/// browser, by the routes and accessible names UI.md gives; and the leaders' dashboard on the demo.
/// </summary>
public sealed class ReportFlowTests(BrowserHostFactory host) : IClassFixture<BrowserHostFactory>
{
    private const string Password = DemoAccounts.Password;
    // 2023: a year the demo leaves empty (it resumes in 2024 for the 2025 reform), so the form starts blank.
    private const string Form = "/bao-cao/xa-nong-thuong/2023-03";

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(page, user, Password);
        return page;
    }

    private static ILocator Forest(IPage page) => page.GetByLabel("Trồng rừng (ha)", new() { Exact = true });

    private static ILocator QueueItem(IPage page) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Xã Nông Thượng" }).Filter(new() { HasText = "3/2023" });

    [Fact]
    public async Task A_clerk_corrects_a_bad_figure_inline_submits_an_approver_returns_then_approves_and_an_auditor_reads_the_correction()
    {
        // The clerk: a negative area is refused beside its field and nothing is saved.
        var clerk = await SignedInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync(Form);
        await Forest(clerk).FillAsync("-5");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await Expect(clerk.Locator("#e-forest-planted")).ToBeVisibleAsync();
        await Expect(Forest(clerk)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(clerk.GetByText("Đã gửi", new() { Exact = true })).ToHaveCountAsync(0);
        await BrowserSteps.ScreenshotAsync(clerk, "bao-cao-loi");

        await Forest(clerk).FillAsync("12,5");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã gửi");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(clerk));
        await BrowserSteps.ScreenshotAsync(clerk, "bao-cao");

        // The approver returns it with a reason.
        var approver = await SignedInAsync(DemoAccounts.Approver);
        await approver.GotoAsync("/duyet");
        await QueueItem(approver).GetByLabel("Lý do").FillAsync("Thiếu số liệu tháng trước");
        await QueueItem(approver).GetByRole(AriaRole.Button, new() { Name = "Trả lại", Exact = true }).ClickAsync();
        await Expect(QueueItem(approver)).ToHaveCountAsync(0);

        // The clerk sees it returned and sends it again; the approver approves.
        await clerk.GotoAsync(Form);
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Bị trả lại");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã gửi");

        await approver.GotoAsync("/duyet");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(approver));
        await BrowserSteps.ScreenshotAsync(approver, "duyet");
        await QueueItem(approver).GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(QueueItem(approver)).ToHaveCountAsync(0);

        // Approved, the figure is corrected with a reason, and the auditor reads who, when and why.
        await clerk.GotoAsync(Form);
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã duyệt");
        await Forest(clerk).FillAsync("13,25");
        await clerk.GetByLabel("Lý do điều chỉnh").FillAsync("Số liệu nghiệm thu của Hạt kiểm lâm");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Ghi điều chỉnh", Exact = true }).ClickAsync();

        var auditor = await SignedInAsync(DemoAccounts.Auditor);
        await auditor.GotoAsync("/kiem-toan/lich-su?unit=xa-nong-thuong&indicator=forest-planted&period=2023-03");
        await Expect(auditor.GetByText("Số liệu nghiệm thu của Hạt kiểm lâm")).ToBeVisibleAsync();
        await Expect(auditor.GetByText("13,25").First).ToBeVisibleAsync();
        await Expect(auditor.GetByText("12,5").First).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(auditor));
        await BrowserSteps.ScreenshotAsync(auditor, "kiem-toan-lich-su");
    }

    [Fact]
    public async Task The_new_wards_report_is_approved_by_thai_nguyens_approver_not_by_the_dissolved_citys()
    {
        // The month after the demo's last: the ward's form starts blank.
        var month = DemoReform.LastMonth.Next();
        var clerk = await SignedInAsync(DemoAccounts.WardClerk);
        await clerk.GotoAsync($"/bao-cao/phuong-bac-kan/{month}");
        await Forest(clerk).FillAsync("4,5");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã gửi");

        ILocator Ward(IPage page) => page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Phường Bắc Kạn" }).Filter(new() { HasText = $"{month.Number}/{month.Year}" });
        var city = await SignedInAsync(DemoAccounts.Approver);
        await city.GotoAsync("/duyet");
        await Expect(Ward(city)).ToHaveCountAsync(0);

        var province = await SignedInAsync(DemoAccounts.ProvinceApprover);
        await Expect(province.GetByRole(AriaRole.Link, new() { Name = "Báo cáo chờ duyệt" })).ToBeVisibleAsync();
        await province.GotoAsync("/duyet");
        await Ward(province).GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(Ward(province)).ToHaveCountAsync(0);

        await clerk.GotoAsync($"/bao-cao/phuong-bac-kan/{month}");
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã duyệt");
    }

    [Fact]
    public async Task The_leaders_dashboard_shows_forest_planted_at_113_percent_of_plan_for_the_first_eight_months_of_2022()
    {
        var leader = await SignedInAsync(DemoAccounts.Leader);

        await leader.GotoAsync("/tong-hop/bac-kan?period=2022-08&view=ytd");

        var row = leader.GetByRole(AriaRole.Row).Filter(new() { Has = leader.GetByText("Trồng rừng", new() { Exact = true }) });
        await Expect(row).ToContainTextAsync("113%");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(leader));
        await BrowserSteps.ScreenshotAsync(leader, "tong-hop");
        Assert.True(await BrowserSteps.TransferredBytesAsync(await host.NewPageAsync(), "/dang-nhap") <= 300 * 1024);
    }
}
