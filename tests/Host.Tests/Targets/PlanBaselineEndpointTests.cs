using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Targets;

/// <summary>
/// Several plans per unit and year (API.md "Ratios, plan baselines"): the assigned target, the
/// council's resolution and the stretch target, each set and revised on its own, and comparisons
/// held to the one <c>plan=</c> names (by default the official one, assigned).
/// </summary>
public sealed class PlanBaselineEndpointTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task PlanAsync(string unit, string? plan, decimal forest, string? reason = null)
    {
        var query = plan is null ? "" : $"?plan={plan}";
        var response = await Admin.PutAsJsonAsync($"/api/units/{unit}/targets/2022{query}",
            new { targets = new[] { new { indicator = Forest, value = forest } }, decision = $"QĐ {plan ?? "giao"}", reason });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> RowAsync(string unit, string? plan)
    {
        var query = plan is null ? "" : $"&plan={plan}";
        var response = await factory.ClientAs(Roles.Auditor).GetAsync($"/api/units/{unit}/performance?period=2022-08&view=ytd&indicator={Forest}{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("rows").EnumerateArray()).Clone();
    }

    [Fact]
    public async Task Each_baseline_is_its_own_plan_and_comparisons_take_the_one_named()
    {
        await PlanAsync(OtherCity, null, 40m);
        await PlanAsync(OtherCity, "council", 80m);
        await PlanAsync(OtherCity, "stretch", 100m);
        var submit = await Admin.SubmitAsync(OtherCity, "2022-08", (Forest, 60m));
        Assert.True(submit.IsSuccessStatusCode, await submit.Content.ReadAsStringAsync());

        var official = await RowAsync(OtherCity, null);
        Assert.Equal((40m, 150m, "achieved"), (official.GetProperty("target").GetDecimal(),
            official.GetProperty("percentOfTarget").GetDecimal(), official.GetProperty("status").GetString()));
        Assert.Equal(40m, (await RowAsync(OtherCity, "assigned")).GetProperty("target").GetDecimal());

        var council = await RowAsync(OtherCity, "council");
        Assert.Equal((80m, 75m, "on-track"), (council.GetProperty("target").GetDecimal(),
            council.GetProperty("percentOfTarget").GetDecimal(), council.GetProperty("status").GetString()));
        Assert.Equal("QĐ council", council.GetProperty("plan").GetProperty("decision").GetString());

        var all = await RowAsync(OtherCity, "all");
        Assert.Equal(40m, all.GetProperty("target").GetDecimal());
        var plans = all.GetProperty("plans");
        Assert.Equal((40m, 80m, 100m), (plans.GetProperty("assigned").GetProperty("target").GetDecimal(),
            plans.GetProperty("council").GetProperty("target").GetDecimal(), plans.GetProperty("stretch").GetProperty("target").GetDecimal()));
        Assert.Equal(60m, plans.GetProperty("stretch").GetProperty("percentOfTarget").GetDecimal());
        Assert.False(official.TryGetProperty("plans", out _));
    }

    [Fact]
    public async Task A_baseline_is_read_and_revised_on_its_own()
    {
        await PlanAsync(City, null, 155m);
        await PlanAsync(City, "council", 170m);
        await PlanAsync(City, "council", 180m, reason: "Nghị quyết HĐND điều chỉnh");

        var council = await (await Admin.GetAsync($"/api/units/{City}/targets/2022?plan=council")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("council", 2, 180m), (council.GetProperty("plan").GetString(), council.GetProperty("revisions").GetArrayLength(),
            council.GetProperty("current").GetProperty("targets")[0].GetProperty("value").GetDecimal()));

        var assigned = await (await Admin.GetAsync($"/api/units/{City}/targets/2022")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("assigned", 1, 155m), (assigned.GetProperty("plan").GetString(), assigned.GetProperty("revisions").GetArrayLength(),
            assigned.GetProperty("current").GetProperty("targets")[0].GetProperty("value").GetDecimal()));

        var none = await Admin.GetAsync($"/api/units/{City}/targets/2022?plan=stretch");
        await ProblemAssert.IsProblemAsync(none, HttpStatusCode.NotFound, "plan-not-found");
    }

    [Fact]
    public async Task An_unknown_plan_is_400_naming_plan_and_records_nothing()
    {
        var before = await factory.EventCountAsync();
        var put = await Admin.PutAsJsonAsync($"/api/units/{Commune}/targets/2022?plan=official",
            new { targets = new[] { new { indicator = Forest, value = 1m } } });
        var problem = await ProblemAssert.IsProblemAsync(put, HttpStatusCode.BadRequest);
        Assert.Contains("plan", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await factory.EventCountAsync());

        foreach (var path in new[] { $"/api/units/{Commune}/targets/2022?plan=nghi-quyet", $"/api/units/{Commune}/performance?period=2022-08&plan=bogus" })
        {
            var read = await factory.ClientAs(Roles.Auditor).GetAsync(path);
            var readProblem = await ProblemAssert.IsProblemAsync(read, HttpStatusCode.BadRequest);
            Assert.Contains("plan", readProblem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
    }
}
