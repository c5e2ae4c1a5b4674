using GovReport.Host.Features.Seed;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GovReport.Host.Tests.Browser;

/// <summary>The planner and admin pages, the approver's report page and the access-denied page in a real browser (same host as sign-in).</summary>
public partial class SignInTests
{
    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await host.NewPageAsync();
        await BrowserSteps.SignInAsync(page, user, DemoAccounts.Password);
        return page;
    }

    [Fact]
    public async Task A_planner_sets_then_revises_a_target_with_a_decision_number()
    {
        var planner = await SignedInAsync(DemoAccounts.Leader);
        await planner.GetByRole(AriaRole.Link, new() { Name = "Cây đơn vị và chỉ tiêu kế hoạch" }).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Heading, new() { Name = "Cây đơn vị" })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(planner));
        await BrowserSteps.ScreenshotAsync(planner, "don-vi");

        await planner.GotoAsync("/ke-hoach/bac-kan/2023");
        var forest = planner.GetByLabel("Trồng rừng (ha)", new() { Exact = true });
        await forest.FillAsync("150");
        await planner.GetByLabel("Số quyết định").FillAsync("QĐ 120/QĐ-UBND");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu kế hoạch.");

        // The revision: a new value, a new decision and the reason the decider requires.
        await forest.FillAsync("162,5");
        await planner.GetByLabel("Số quyết định").FillAsync("QĐ 2456/QĐ-UBND");
        await planner.GetByLabel("Lý do điều chỉnh").FillAsync("Điều chỉnh theo Nghị quyết HĐND giữa năm");
        await planner.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();

        await Expect(planner.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu kế hoạch.");
        var current = planner.Locator("table.revisions tbody tr.current");
        await Expect(current).ToContainTextAsync("QĐ 2456/QĐ-UBND");
        await Expect(current).ToContainTextAsync("Điều chỉnh theo Nghị quyết HĐND giữa năm");
        await Expect(planner.Locator("table.revisions tbody tr")).ToHaveCountAsync(2);
        await Expect(forest).ToHaveValueAsync("162,5");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(planner));
        await BrowserSteps.ScreenshotAsync(planner, "ke-hoach");

        await planner.GotoAsync("/chi-tieu");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(planner));
        await BrowserSteps.ScreenshotAsync(planner, "chi-tieu");
        await planner.GetByRole(AriaRole.Link, new() { Name = "Sửa Trồng rừng", Exact = true }).ClickAsync();
        await Expect(planner.GetByLabel("Tên chỉ tiêu")).ToHaveValueAsync("Trồng rừng");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(planner));
        await BrowserSteps.ScreenshotAsync(planner, "chi-tieu-sua");
    }

    [Fact]
    public async Task The_unit_tree_marks_the_units_the_2025_reform_retired_and_links_their_successors()
    {
        var planner = await SignedInAsync(DemoAccounts.Leader);
        await planner.GotoAsync("/don-vi");

        // Bắc Kạn province joined Thái Nguyên; the city was dissolved; Nông Thượng became part of Phường Bắc Kạn.
        var province = planner.Locator("#don-vi-bac-kan-province > .unit-restructuring");
        await Expect(province).ToContainTextAsync("đã sắp xếp lại từ tháng 7/2025 theo Nghị quyết số 202/2025/QH15; đơn vị kế thừa:");
        await Expect(planner.Locator("#don-vi-bac-kan > .unit-restructuring")).ToContainTextAsync("đã giải thể từ tháng 7/2025");
        await Expect(planner.Locator("#don-vi-xa-nong-thuong > .unit-restructuring").GetByRole(AriaRole.Link, new() { Name = "Phường Bắc Kạn", Exact = true }))
            .ToHaveAttributeAsync("href", "#don-vi-phuong-bac-kan");
        await Expect(planner.Locator("#don-vi-phuong-bac-kan > .unit-restructuring")).ToContainTextAsync("kế thừa từ tháng 7/2025: Phường Phùng Chí Kiên");
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(planner));

        await province.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Thái Nguyên", Exact = true }).ClickAsync();
        Assert.EndsWith("/don-vi#don-vi-thai-nguyen-province", planner.Url);
        await BrowserSteps.ScreenshotAsync(planner, "don-vi-sap-xep");
    }

    [Fact]
    public async Task A_clerk_refused_by_a_policy_sees_the_access_denied_page_with_status_403()
    {
        var clerk = await SignedInAsync(DemoAccounts.Clerk);
        await Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "Cây đơn vị" })).ToHaveCountAsync(0);

        var response = await clerk.GotoAsync("/don-vi");

        Assert.Equal(403, response!.Status);
        Assert.Contains("/khong-co-quyen?ReturnUrl=%2Fdon-vi", clerk.Url);
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "Không có quyền" })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(clerk));
        await BrowserSteps.ScreenshotAsync(clerk, "khong-co-quyen");
    }

    [Fact]
    public async Task An_admin_edits_an_account_and_an_approver_reads_a_report_before_deciding()
    {
        var admin = await SignedInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri/tai-khoan");
        await admin.GetByRole(AriaRole.Link, new() { Name = DemoAccounts.Auditor, Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = $"Tài khoản {DemoAccounts.Auditor}" })).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(admin));
        await BrowserSteps.ScreenshotAsync(admin, "quan-tri-tai-khoan-sua");

        var clerk = await SignedInAsync(DemoAccounts.Clerk);
        await clerk.GotoAsync("/bao-cao/xa-nong-thuong/2023-05");
        await clerk.GetByLabel("Trồng rừng (ha)", new() { Exact = true }).FillAsync("7,5");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo", Exact = true }).ClickAsync();
        await Expect(clerk.Locator(".report-status")).ToHaveTextAsync("Đã gửi");

        var approver = await SignedInAsync(DemoAccounts.Approver);
        await approver.GotoAsync("/duyet/xa-nong-thuong/2023-05");
        await Expect(approver.Locator("table.review tbody tr").Filter(new() { HasText = "Trồng rừng" })).ToContainTextAsync("7,5");
        await Expect(approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true })).ToBeVisibleAsync();
        await Expect(approver.GetByLabel("Lý do")).ToBeVisibleAsync();
        Assert.Empty(await BrowserSteps.SeriousAccessibilityViolationsAsync(approver));
        await BrowserSteps.ScreenshotAsync(approver, "duyet-bao-cao");

        await approver.GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await Expect(approver.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã duyệt báo cáo.");
    }
}
