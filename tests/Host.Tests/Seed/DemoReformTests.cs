using System.Net;
using GovReport.Host.Features.Seed;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Tests.Reports;
using GovReport.Host.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using GovReport.Host.Tests.Restructuring;
using GovReport.Host.Tests.Summaries;

namespace GovReport.Host.Tests.Seed;

/// <summary>
/// The demo through the 2025 reform, read over HTTP: Phường Bắc Kạn is made of Phùng Chí Kiên,
/// Xuất Hóa, Huyền Tụng and Nông Thượng from July 2025, and Bắc Kạn province joins Thái Nguyên.
/// Expectations are the predecessors' own figures as the API answers them.
/// </summary>
public partial class DemoSeedTests
{
    private const string Dossiers = "dossiers-received";
    private static readonly string[] WardPredecessors = ["phuong-phung-chi-kien", "phuong-xuat-hoa", "phuong-huyen-tung", "xa-nong-thuong"];

    private HttpClient Auditor => factory.CreateClient(Roles.Auditor);

    [Fact]
    public async Task Given_the_reform_when_a_merged_communes_clerk_opens_the_start_page_then_it_names_the_successor_and_offers_no_form()
    {
        var clerk = factory.CreateClient(Roles.Reporter, "xa-nong-thuong");
        var ward = factory.CreateClient(Roles.Reporter, "phuong-bac-kan");

        var merged = (await clerk.PageAsync("/")).Document.QuerySelectorAll("ul.start-links a").ToList();
        var successor = (await ward.PageAsync("/")).Document.QuerySelectorAll("ul.start-links a").ToList();

        var history = Assert.Single(merged);
        Assert.Equal("/bao-cao/xa-nong-thuong", history.GetAttribute("href"));
        Assert.Equal("Các tháng báo cáo — Xã Nông Thượng (đã sắp xếp lại từ tháng 7/2025; đơn vị kế thừa: Phường Bắc Kạn)", history.TextContent);
        Assert.Contains(successor, a => System.Text.RegularExpressions.Regex.IsMatch(a.GetAttribute("href")!, "^/bao-cao/phuong-bac-kan/\\d{4}-\\d{2}$"));
    }

    [Fact]
    public async Task Given_the_reform_when_the_first_run_counts_then_it_recorded_the_restructurings_once()
    {
        // Three commune-level merges, the province's merge, and ten dissolutions (the city, its eight offices, Bạch Thông).
        Assert.Equal(14, factory.First.Restructurings);
        var list = await Auditor.GetAsync("/api/restructurings?unit=phuong-bac-kan").JsonAsync();
        var merge = Assert.Single(list.EnumerateArray());
        Assert.Equal("2025-07", merge.GetProperty("effectiveMonth").GetString());
        Assert.Contains("1683", merge.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Given_the_reform_when_the_new_ward_compares_july_2025_then_last_year_is_its_predecessors_july_2024_combined()
    {
        var predecessors = 0m;
        foreach (var unit in WardPredecessors)
            predecessors += (await Auditor.RowAsync(unit, "2024-07", "month", Dossiers)).GetProperty("actual").GetDecimal();

        var row = await Auditor.RowAsync("phuong-bac-kan", "2025-07", "month", Dossiers);

        Assert.True(predecessors > 0);
        Assert.Equal(predecessors, row.GetProperty("samePeriodLastYear").GetDecimal());
        Assert.True(row.GetProperty("actual").GetDecimal() > 0);
    }

    [Fact]
    public async Task Given_the_reform_when_the_new_ward_adds_up_2025_then_january_to_june_are_its_predecessors()
    {
        var predecessorsToJune = 0m;
        foreach (var unit in WardPredecessors)
            predecessorsToJune += (await Auditor.RowAsync(unit, "2025-06", "ytd", Dossiers)).GetProperty("actual").GetDecimal();
        var july = (await Auditor.RowAsync("phuong-bac-kan", "2025-07", "month", Dossiers)).GetProperty("actual").GetDecimal();

        var ytd = await Auditor.RowAsync("phuong-bac-kan", "2025-07", "ytd", Dossiers);

        Assert.Equal(predecessorsToJune + july, ytd.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Given_the_reform_when_thai_nguyen_compares_july_2025_then_last_year_is_bac_kan_provinces_july_2024()
    {
        var bacKan = (await Auditor.RowAsync("bac-kan-province", "2024-07", "month", Dossiers)).GetProperty("actual").GetDecimal();

        var row = await Auditor.RowAsync("thai-nguyen-province", "2025-07", "month", Dossiers);

        Assert.Equal(bacKan, row.GetProperty("samePeriodLastYear").GetDecimal());
    }

    [Fact]
    public async Task Given_the_reform_when_reporting_status_is_read_then_predecessors_are_expected_to_june_and_the_ward_from_july()
    {
        var june = (await Auditor.StatusAsync("bac-kan-province", "2025-06")).ExpectedUnits("2025-06");
        Assert.Contains("xa-nong-thuong", june);
        Assert.DoesNotContain("phuong-bac-kan", (await Auditor.StatusAsync("thai-nguyen-province", "2025-06")).ExpectedUnits("2025-06"));

        var july = await Auditor.StatusAsync("thai-nguyen-province", "2025-07");
        Assert.Contains("phuong-bac-kan", july.ExpectedUnits("2025-07"));
        Assert.DoesNotContain("xa-nong-thuong", july.ExpectedUnits("2025-07"));
        var ward = july.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "phuong-bac-kan");
        Assert.NotEqual("missing", ward.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Given_the_reform_when_the_new_ward_submits_then_the_demo_approver_of_thai_nguyen_approves_it_and_the_citys_cannot()
    {
        var account = await factory.Services.GetRequiredService<AccountDirectory>().FindAsync(DemoAccounts.ProvinceApprover);
        Assert.NotNull(account);
        Assert.Equal([Roles.Approver], account.Roles);
        Assert.Equal(["thai-nguyen-province"], account.Units);
        var month = DemoReform.LastMonth.Next().ToString();
        var submitted = await factory.CreateClient(Roles.Reporter, "phuong-bac-kan").SubmitAsync("phuong-bac-kan", month, ("forest-planted", 3m));
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        var byCity = await factory.CreateClient(Roles.Approver, "bac-kan").ApproveAsync("phuong-bac-kan", month);
        var byProvince = await factory.CreateClient(account.Roles, account.Units, account.Username).ApproveAsync("phuong-bac-kan", month);

        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.True(byProvince.StatusCode == HttpStatusCode.OK, await byProvince.Content.ReadAsStringAsync());
    }
}
