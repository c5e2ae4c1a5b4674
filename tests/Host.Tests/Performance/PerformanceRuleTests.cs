using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Performance;

/// <summary>
/// The comparison rules of API.md, each asserted through the endpoint with figures worked out by
/// hand, so that breaking a rule in the domain or the roll-up fails here and not only in its unit test.
/// </summary>
public sealed class PerformanceRuleTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<JsonElement> RowAsync(string unit, string period, string view, string indicator)
    {
        var response = await factory.ClientAs(Roles.Auditor).GetAsync($"/api/units/{unit}/performance?period={period}&view={view}&indicator={indicator}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("rows").EnumerateArray()).Clone();
    }

    private async Task SubmitAsync(string unit, string month, params (string, decimal)[] values)
    {
        var response = await Admin.SubmitAsync(unit, month, values);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_city_that_reports_its_own_figure_and_communes_that_report_theirs_then_the_citys_figure_is_its_own_never_the_sum_of_both()
    {
        await SubmitAsync(Commune, "2022-06", (Forest, 10m), (Patients, 100m));
        await SubmitAsync(OtherCommune, "2022-06", (Forest, 20m), (Patients, 200m));
        await SubmitAsync(City, "2022-06", (Forest, 50m));

        // Its own 50 ha, not 50 + 10 + 20 = 80 ("never both: no double counting").
        Assert.Equal(50m, (await RowAsync(City, "2022-06", "month", Forest)).GetProperty("actual").GetDecimal());
        // Where it reported nothing, its communes' patients per day add up: 100 + 200.
        Assert.Equal(300m, (await RowAsync(City, "2022-06", "month", Patients)).GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task Given_figures_exactly_equal_to_their_annual_targets_then_both_directions_are_achieved()
    {
        var plan = await Admin.PutAsJsonAsync($"/api/units/{OtherCity}/targets/2022",
            new { targets = new[] { new { indicator = Forest, value = 40m }, new { indicator = Poverty, value = 5m } }, decision = "QĐ 07/2022" });
        Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        await SubmitAsync(OtherCity, "2022-08", (Forest, 40m), (Poverty, 5m));

        var forest = await RowAsync(OtherCity, "2022-08", "ytd", Forest);
        var poverty = await RowAsync(OtherCity, "2022-08", "ytd", Poverty);

        // 40 ha of a 40 ha plan has met it (only 26.67 ha were due by August: a missed equality reads "on-track").
        Assert.Equal((40m, 40m, 100m, "achieved"), (forest.GetProperty("actual").GetDecimal(), forest.GetProperty("target").GetDecimal(),
            forest.GetProperty("percentOfTarget").GetDecimal(), forest.GetProperty("status").GetString()));
        // Lower is better: a poverty rate of 5 % against a ceiling of 5 % has met it too.
        Assert.Equal((5m, "achieved"), (poverty.GetProperty("actual").GetDecimal(), poverty.GetProperty("status").GetString()));
    }
}
