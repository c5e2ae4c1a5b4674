using System.Net.Http.Json;
using AngleSharp.Dom;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using GovReport.Host.Tests.Web;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// The leaders' dashboard (<c>/tong-hop</c>) for units the reform made, July 2025: what the API's
/// rows flag (a split's estimate, an average that cannot be compared, a plan combined from the
/// predecessors') is marked beside the figure and explained once under the table; a unit whose
/// figures simply add up carries no mark.
/// </summary>
public sealed class DashboardAcrossReformTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<IDocument> DashboardAsync(string unit) =>
        (await factory.PageClientAs(Roles.Auditor).PageAsync($"/tong-hop/{unit}?period=2025-07&view=month")).Document;

    /// <summary>The row's cells after its name: measure, actual, target, % of plan, last year, change, status.</summary>
    private static List<string> Cells(IDocument page, string indicator) =>
        page.QuerySelectorAll("table.dashboard tbody tr").Single(r => r.QuerySelector("th")?.TextContent == indicator)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    private static string? Notes(IDocument page) => page.QuerySelector(".restructuring-notes")?.TextContent;

    [Fact]
    public async Task A_merged_wards_derived_plan_and_incomparable_average_are_marked_and_explained_and_its_sums_are_not()
    {
        await Admin.UnitAsync("tp-db", "city", null);
        foreach (var unit in new[] { "xa-db-1", "xa-db-2" })
        {
            await Admin.UnitAsync(unit, "commune", "tp-db");
            var plan = await Admin.PutAsJsonAsync($"/api/units/{unit}/targets/2025", new { targets = new[] { new { indicator = Forest, value = 60m } }, decision = "QĐ 5" });
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }
        await Admin.UnitAsync("phuong-db", "ward", "tp-db");
        await Admin.SubmittedAsync("xa-db-1", "2024-07", (Forest, 10m), (RestructuringRequests.Average, 80m));
        await Admin.SubmittedAsync("xa-db-2", "2024-07", (Forest, 5m), (RestructuringRequests.Average, 90m));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-db-1", "xa-db-2" }, successor = "phuong-db" });
        await Admin.SubmittedAsync("phuong-db", "2025-07", (Forest, 20m), (RestructuringRequests.Average, 85m));

        var ward = await DashboardAsync("phuong-db");

        var forest = Cells(ward, "Trồng rừng");
        Assert.Equal("120 (cộng từ đơn vị trước sắp xếp)", forest[2]);
        Assert.Equal("15", forest[4]);
        var average = Cells(ward, "Điểm hài lòng");
        Assert.Contains("(không so sánh được)", average[4]);
        Assert.Contains("không so sánh được", Notes(ward));
        Assert.Contains("cộng từ đơn vị trước sắp xếp", Notes(ward));
        Assert.DoesNotContain("ước tính", Notes(ward));

        // The city holds the communes, then the ward: its own figures, nothing to remark.
        var city = await DashboardAsync("tp-db");
        Assert.Equal("15", Cells(city, "Trồng rừng")[4]);
        Assert.Null(Notes(city));
    }

    [Fact]
    public async Task A_split_successors_last_year_is_marked_as_an_estimate()
    {
        await Admin.UnitAsync("tp-dbs", "city", null);
        await Admin.UnitAsync("xa-dbs-1", "commune", "tp-dbs");
        await Admin.UnitAsync("phuong-dbs-a", "ward", "tp-dbs");
        await Admin.UnitAsync("phuong-dbs-b", "ward", "tp-dbs");
        await Admin.SubmittedAsync("xa-dbs-1", "2024-07", (Forest, 100m));
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-dbs-1",
            successors = new[] { new { unit = "phuong-dbs-a", share = 0.4m }, new { unit = "phuong-dbs-b", share = 0.6m } },
        });
        await Admin.SubmittedAsync("phuong-dbs-a", "2025-07", (Forest, 50m));

        var page = await DashboardAsync("phuong-dbs-a");

        Assert.Equal("40 (ước tính)", Cells(page, "Trồng rừng")[4]);
        Assert.Contains("ước tính", Notes(page));
    }
}
