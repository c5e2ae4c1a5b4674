using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Summaries;

/// <summary>A deployment whose official plan is the council's (Plans:Official = council).</summary>
public sealed class CouncilPlanFactory : ReportsFactory
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Plans:Official"] = "council";
    }
}

/// <summary>A published summary compares against the deployment's official plan, as a comparison without plan= does.</summary>
public sealed class OfficialPlanSummaryTests(CouncilPlanFactory factory) : IClassFixture<CouncilPlanFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    [Fact]
    public async Task The_summary_and_the_comparison_both_hold_the_month_to_the_council_plan()
    {
        foreach (var (plan, value) in new[] { ("assigned", 40m), ("council", 80m) })
        {
            var put = await Admin.PutAsJsonAsync($"/api/units/{OtherCity}/targets/2022?plan={plan}",
                new { targets = new[] { new { indicator = Forest, value } }, decision = $"QĐ {plan}" });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        var submit = await Admin.SubmitAsync(OtherCity, "2022-08", (Forest, 60m));
        Assert.True(submit.IsSuccessStatusCode, await submit.Content.ReadAsStringAsync());

        var comparison = await Admin.GetFromJsonAsync<JsonElement>($"/api/units/{OtherCity}/performance?period=2022-08&view=ytd&indicator={Forest}");
        Assert.Equal(80m, comparison.GetProperty("rows")[0].GetProperty("target").GetDecimal());

        var published = await Admin.PostAsJsonAsync("/api/summaries", new { scope = OtherCity, period = "2022-08" });
        var created = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(published.StatusCode == HttpStatusCode.Created, created.ToString());
        var summary = await Admin.GetFromJsonAsync<JsonElement>($"/api/summaries/{created.GetProperty("id").GetString()}");
        var ytd = summary.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("view").GetString() == "ytd");
        var forest = ytd.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == Forest);
        Assert.Equal((80m, 75m), (forest.GetProperty("target").GetDecimal(), forest.GetProperty("percentOfTarget").GetDecimal()));
    }
}
