using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

/// <summary>The leaders' dashboard reads the comparison the briefing states: 175,158 of 155 ha is 113% of plan.</summary>
public sealed class DashboardPageTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task The_dashboard_shows_forest_planted_at_113_percent_of_plan_for_eight_months()
    {
        var admin = factory.ClientAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/units/{City}/targets/2022", new { targets = new[] { new { indicator = Forest, value = 155m } }, decision = "QĐ 01" })).StatusCode);
        var monthly = new[] { 0m, 0m, 20m, 30.5m, 40m, 40m, 24.658m };
        for (var m = 1; m <= 7; m++)
            Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(Commune, $"2022-{m:D2}", (Forest, monthly[m - 1]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 20m))).StatusCode);

        var page = await factory.PageClientAs(Roles.Auditor).PageAsync($"/tong-hop/{City}?period=2022-08&view=ytd");

        var row = Assert.Single(page.Document.QuerySelectorAll("tbody tr"), r => r.QuerySelector("th")?.TextContent == "Trồng rừng");
        Assert.Contains("113%", row.TextContent);
        Assert.Contains("113,01%", row.TextContent);
        Assert.Contains("175,158", row.TextContent);
        Assert.Contains("Đạt kế hoạch", row.TextContent);
        Assert.Contains("Xã Dương Quang", page.Text);
        Assert.Equal("ytd", page.Document.QuerySelector("select#view option[selected]")?.GetAttribute("value"));
    }
}
