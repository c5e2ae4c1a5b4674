using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>
/// The planner and admin pages: who may open them (the API's policies), and a write through each
/// form that the API then reads back.
/// </summary>
public sealed class PlannerPagesTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Planner { get; } = factory.PageClientAs(Roles.Planner);
    private HttpClient Admin { get; } = factory.PageClientAs(Roles.Admin);

    public static TheoryData<string> PlannerRoutes => new()
    {
        "/don-vi", "/chi-tieu", "/chi-tieu/sua", $"/chi-tieu/sua?ma={Forest}", $"/ke-hoach/{City}/2022", $"/ke-hoach/{Commune}/2022?plan=council",
    };

    [Theory]
    [MemberData(nameof(PlannerRoutes))]
    public async Task Planner_pages_refuse_reporters_and_auditors_and_open_for_planners_and_admins(string route)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Reporter, Commune).PageAsync(route, ok: false)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Approver, City).PageAsync(route, ok: false)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Auditor).PageAsync(route, ok: false)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Planner.PageAsync(route)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PageAsync(route)).Response.StatusCode);
    }

    [Fact]
    public async Task The_account_pages_are_for_admins_only()
    {
        await AccountAsync("can-bo.sua", ["reporter"], [Commune]);
        foreach (var route in new[] { "/quan-tri/tai-khoan", "/quan-tri/tai-khoan/can-bo.sua" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await factory.PageClientAs(Roles.Reporter, Commune).PageAsync(route, ok: false)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Planner.PageAsync(route, ok: false)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Admin.PageAsync(route)).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PageAsync("/quan-tri/tai-khoan/khong.co", ok: false)).Response.StatusCode);
    }

    [Fact]
    public async Task The_tree_links_each_unit_to_its_reports_dashboard_and_plan()
    {
        var page = await Planner.PageAsync("/don-vi");

        var commune = Assert.Single(page.Document.QuerySelectorAll(".tree li"), li => li.QuerySelector(".unit-name")!.TextContent == "Xã Nông Thượng");
        var hrefs = commune.Children.Single(c => c.ClassList.Contains("unit-links")).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/bao-cao/{Commune}", $"/tong-hop/{Commune}", $"/ke-hoach/{Commune}/2022"], hrefs);
        // The commune sits under its city.
        Assert.Equal("UBND thành phố Bắc Kạn", commune.ParentElement!.Closest("li")!.QuerySelector(".unit-name")!.TextContent);
        Assert.Contains(page.Document.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/chi-tieu");
    }

    [Fact]
    public async Task A_planner_defines_an_indicator_through_the_form_and_the_API_reads_it()
    {
        var form = await Planner.PageAsync("/chi-tieu/sua");

        var saved = await Planner.PressAsync(form, "Lưu chỉ tiêu",
            ("Ma", "rac-thai-thu-gom"), ("Name", "Rác thải được thu gom"), ("Measure", "tấn"), ("Aggregation", "sum"),
            ("Direction", "higher-is-better"), ("Sector", "xa-hoi"), ("AllowsNegative", "false"), ("MaxValue", "1.000.000"));

        Assert.Equal(HttpStatusCode.OK, saved.Response.StatusCode);
        Assert.Contains("Rác thải được thu gom", saved.Text);
        var api = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/indicators/rac-thai-thu-gom");
        Assert.Equal("tấn", api.GetProperty("measure").GetString());
        Assert.Equal(1_000_000m, api.GetProperty("maxValue").GetDecimal());

        var edit = await Planner.PageAsync("/chi-tieu/sua?ma=rac-thai-thu-gom");
        Assert.Equal("rac-thai-thu-gom", edit.Labelled("Mã chỉ tiêu").GetAttribute("value"));
        await Planner.PressAsync(edit, "Lưu chỉ tiêu", ("Name", "Rác thải sinh hoạt được thu gom"),
            ("Aggregation", "sum"), ("Direction", "higher-is-better"), ("Sector", "xa-hoi"), ("AllowsNegative", "false"));
        api = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>("/api/indicators/rac-thai-thu-gom");
        Assert.Equal("Rác thải sinh hoạt được thu gom", api.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_refused_indicator_is_explained_beside_its_field_and_nothing_is_recorded()
    {
        var form = await Admin.PageAsync("/chi-tieu/sua");
        var before = await factory.EventCountAsync();

        var refused = await Admin.PressAsync(form, "Lưu chỉ tiêu", ("Ma", "Sai Mã"), ("Name", ""), ("Measure", "ha"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.Equal("e-code", refused.Labelled("Mã chỉ tiêu").GetAttribute("aria-describedby")!.Split(' ').Last());
        Assert.Contains("Cần nhập tên chỉ tiêu", refused.Document.GetElementById("e-name")!.TextContent);
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task A_planner_sets_then_revises_a_plan_with_decision_numbers_and_the_API_shows_both_revisions()
    {
        var page = await Planner.PageAsync($"/ke-hoach/{OtherCommune}/2022");
        Assert.Contains("Chưa có kế hoạch năm 2022", page.Text);

        var set = await Planner.PressAsync(page, "Lưu kế hoạch", ("Values[forest-planted]", "155"), ("Decision", "QĐ 12/QĐ-UBND"),
            ("Monthly[forest-planted]", "0; 0; 20; 20; 20; 20; 20; 20; 15; 10; 5; 5"));
        Assert.Equal(HttpStatusCode.OK, set.Response.StatusCode);

        // A revision without a reason is the decider's refusal, shown beside the reason; nothing is recorded.
        var before = await factory.EventCountAsync();
        var noReason = await Planner.PressAsync(set, "Lưu kế hoạch", ("Values[forest-planted]", "160,5"), ("Decision", "QĐ 45/QĐ-UBND"));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Response.StatusCode);
        Assert.Contains("cần ghi lý do", noReason.Document.GetElementById("e-reason")!.TextContent);
        Assert.Equal(before, await factory.EventCountAsync());

        var revised = await Planner.PressAsync(noReason, "Lưu kế hoạch", ("Reason", "Bổ sung diện tích trồng rừng"));
        Assert.Equal(HttpStatusCode.OK, revised.Response.StatusCode);
        Assert.Contains("QĐ 45/QĐ-UBND", revised.Document.QuerySelector("table.revisions tbody tr.current")!.TextContent);

        var plan = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/units/{OtherCommune}/targets/2022");
        var revisions = plan.GetProperty("revisions");
        Assert.Equal(2, revisions.GetArrayLength());
        Assert.Equal("QĐ 12/QĐ-UBND", revisions[0].GetProperty("decision").GetString());
        Assert.Equal(20m, revisions[0].GetProperty("targets")[0].GetProperty("monthly")[2].GetDecimal());
        Assert.Equal("QĐ 45/QĐ-UBND", revisions[1].GetProperty("decision").GetString());
        Assert.Equal("Bổ sung diện tích trồng rừng", revisions[1].GetProperty("reason").GetString());
        Assert.Equal(160.5m, plan.GetProperty("current").GetProperty("targets")[0].GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_plan_baseline_is_its_own_plan()
    {
        var page = await Admin.PageAsync($"/ke-hoach/{City}/2023?plan=council");

        await Admin.PressAsync(page, "Lưu kế hoạch", ("Values[forest-planted]", "170"), ("Decision", "NQ 05/NQ-HĐND"));

        var council = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/units/{City}/targets/2023?plan=council");
        Assert.Equal("council", council.GetProperty("plan").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientAs(Roles.Auditor).GetAsync($"/api/units/{City}/targets/2023")).StatusCode);
    }

    [Fact]
    public async Task An_admin_changes_roles_and_units_disables_and_resets_a_password()
    {
        await AccountAsync("can-bo.doi", ["reporter"], [Commune]);
        var page = await Admin.PageAsync("/quan-tri/tai-khoan/can-bo.doi");

        var changed = await Admin.PressAsync(page, "Lưu vai trò và đơn vị", ("SelectedRoles", "approver"), ("UnitList", $"{City}"));
        Assert.Equal(HttpStatusCode.OK, changed.Response.StatusCode);
        var account = (await Directory.FindAsync("can-bo.doi"))!;
        Assert.Equal(["approver"], account.Roles);
        Assert.Equal([City], account.Units);

        var disabled = await Admin.PressAsync(changed, "Khóa tài khoản");
        Assert.True((await Directory.FindAsync("can-bo.doi"))!.Disabled);
        await Admin.PressAsync(disabled, "Mở khóa tài khoản");
        Assert.False((await Directory.FindAsync("can-bo.doi"))!.Disabled);

        var stamp = (await Directory.FindAsync("can-bo.doi"))!.PasswordSetAt;
        var tooShort = await Admin.PressAsync(disabled, "Đặt lại mật khẩu", ("NewPassword", "ngan"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Response.StatusCode);
        Assert.Equal(stamp, (await Directory.FindAsync("can-bo.doi"))!.PasswordSetAt);
        await Admin.PressAsync(tooShort, "Đặt lại mật khẩu", ("NewPassword", "mat-khau-moi-9"));
        var credentials = factory.Services.GetRequiredService<Credentials>();
        Assert.True(await credentials.VerifyAsync("can-bo.doi", "mat-khau-moi-9"));
        Assert.Equal(["approver"], (await Directory.FindAsync("can-bo.doi"))!.Roles);
    }

    [Fact]
    public async Task An_unknown_unit_is_refused_on_the_account_page_and_nothing_changes()
    {
        await AccountAsync("can-bo.sai", ["reporter"], [Commune]);
        var page = await Admin.PageAsync("/quan-tri/tai-khoan/can-bo.sai");

        var refused = await Admin.PressAsync(page, "Lưu vai trò và đơn vị", ("SelectedRoles", "reporter"), ("UnitList", "xa-khong-co"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Response.StatusCode);
        Assert.NotNull(refused.Document.GetElementById("e-unit"));
        Assert.Equal([Commune], (await Directory.FindAsync("can-bo.sai"))!.Units);
    }

    [Fact]
    public async Task An_approver_reads_the_changes_and_warnings_of_a_report_then_approves_it()
    {
        var clerk = factory.ClientAs(Roles.Reporter, Commune);
        Assert.Equal(HttpStatusCode.OK, (await clerk.SubmitAsync(Commune, "2021-06", (Forest, 10m), (Patients, 300m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.SubmitAsync(Commune, "2022-05", (Forest, 12m), (Patients, 300m))).StatusCode);
        // Five times the same month last year, with too little history for a z-score: an outlier warning.
        Assert.Equal(HttpStatusCode.OK, (await clerk.SubmitAsync(Commune, "2022-06", (Forest, 50m), (Patients, 300m))).StatusCode);
        var approver = factory.PageClientAs(Roles.Approver, City);

        var queue = await approver.PageAsync("/duyet");
        Assert.Contains(queue.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/duyet/{Commune}/2022-06");
        var page = await approver.PageAsync($"/duyet/{Commune}/2022-06");

        var forest = Assert.Single(page.Document.QuerySelectorAll("table.review tbody tr"), r => r.QuerySelector("th")!.TextContent.StartsWith("Trồng rừng"));
        Assert.Contains("changed", forest.ClassList);
        Assert.Contains("tăng 316,67%", forest.TextContent);
        Assert.Contains("tăng 400%", forest.TextContent);
        var patients = Assert.Single(page.Document.QuerySelectorAll("table.review tbody tr"), r => r.QuerySelector("th")!.TextContent.StartsWith("Lượt khám"));
        Assert.DoesNotContain("changed", patients.ClassList);
        Assert.Contains("Trồng rừng", Assert.Single(page.Document.QuerySelectorAll(".warnings li")).TextContent);
        page.Labelled("Lý do");
        page.Button("Trả lại");

        var approved = await approver.PressAsync(page, "Duyệt");

        Assert.Equal(HttpStatusCode.OK, approved.Response.StatusCode);
        var report = await factory.ClientAs(Roles.Auditor).GetReportAsync(Commune, "2022-06").ReportAsync();
        Assert.Equal("approved", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_report_page_shows_no_buttons_to_a_reader_who_may_not_review_and_refuses_another_subtree()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, "2022-03", (Forest, 3m))).StatusCode);

        var own = await factory.PageClientAs(Roles.Reporter, Commune).PageAsync($"/duyet/{Commune}/2022-03");
        Assert.DoesNotContain(own.Document.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Duyệt" or "Trả lại");
        var foreign = await factory.PageClientAs(Roles.Approver, OtherCity).PageAsync($"/duyet/{Commune}/2022-03", ok: false);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Response.StatusCode);
        Assert.DoesNotContain("Trồng rừng", foreign.Text);
    }

    private AccountDirectory Directory => factory.Services.GetRequiredService<AccountDirectory>();

    private async Task AccountAsync(string username, string[] roles, string[] units)
    {
        var writer = factory.Services.GetRequiredService<AccountWriter>();
        Assert.Null(await writer.SetUpAsync(new AccountRequest(username, "mat-khau-dau-1", roles, units, null), "test", CancellationToken.None));
    }
}
