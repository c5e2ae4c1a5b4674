using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Performance;

/// <summary>Reports go in through the API; comparisons and reporting status come out of the asynchronous models.</summary>
public sealed class PerformanceEndpointTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await factory.ClientAs(Roles.Auditor).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Submitted_figures_of_the_communes_add_up_to_the_citys_ytd_comparison_against_its_plan()
    {
        var plan = await Admin.PutAsJsonAsync($"/api/units/{City}/targets/2022", new { targets = new[] { new { indicator = Forest, value = 155m } }, decision = "QĐ 01" });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        var monthly = new[] { 0m, 0m, 20m, 30.5m, 40m, 40m, 24.658m };
        for (var m = 1; m <= 7; m++)
            Assert.Equal(HttpStatusCode.OK, (await Admin.SubmitAsync(Commune, $"2022-{m:D2}", (Forest, monthly[m - 1]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 20m))).StatusCode);

        var body = await GetJsonAsync($"/api/units/{City}/performance?period=2022-08&view=ytd&indicator={Forest}");

        Assert.Equal(("2022-01", "2022-08", "ytd"), (body.GetProperty("from").GetString(), body.GetProperty("to").GetString(), body.GetProperty("view").GetString()));
        var row = Assert.Single(body.GetProperty("rows").EnumerateArray());
        Assert.Equal(175.158m, row.GetProperty("actual").GetDecimal());
        Assert.Equal(155m, row.GetProperty("target").GetDecimal());
        Assert.Equal(113.01m, row.GetProperty("percentOfTarget").GetDecimal());
        Assert.Equal("achieved", row.GetProperty("status").GetString());
        Assert.Equal(8, row.GetProperty("expectedMonths").GetInt32());
        Assert.True(body.GetProperty("freshness").GetProperty("caughtUp").GetBoolean());
    }

    [Theory]
    [InlineData("period=2022-13&view=ytd", "period")]
    [InlineData("view=ytd", "period")]
    [InlineData("period=2022-08&view=weekly", "view")]
    [InlineData("period=2022-08&asOf=yesterday", "asOf")]
    [InlineData("period=2022-08&indicator=no-such-indicator", "indicator")]
    public async Task A_bad_query_is_a_400_naming_the_parameter(string query, string field)
    {
        var response = await factory.ClientAs(Roles.Reporter, City).GetAsync($"/api/units/{City}/performance?{query}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_and_no_token_is_a_401()
    {
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync("/api/units/no-such-unit/performance?period=2022-08"), HttpStatusCode.NotFound, "unit-not-found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"/api/units/{City}/performance?period=2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/reporting-status?period=2022-08")).StatusCode);
    }

    [Fact]
    public async Task Reporting_status_counts_each_expected_unit_once_and_names_the_missing()
    {
        var beforeSubmission = factory.Clock.GetUtcNow().AddMinutes(30);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await Admin.SubmitAsync(ForeignUnit, "2022-09", (Patients, 120m))).StatusCode);

        var then = await GetJsonAsync($"/api/reporting-status?period=2022-09&scope={OtherCity}&asOf={Uri.EscapeDataString(beforeSubmission.ToString("O"))}");
        Assert.Equal((2, 0, 2), (then.GetProperty("expected").GetInt32(), then.GetProperty("submitted").GetInt32(), then.GetProperty("missing").GetInt32()));

        var body = await GetJsonAsync($"/api/reporting-status?period=2022-09&scope={OtherCity}");

        Assert.Equal(2, body.GetProperty("expected").GetInt32()); // the district and its department
        Assert.Equal(1, body.GetProperty("submitted").GetInt32());
        Assert.Equal(1, body.GetProperty("missing").GetInt32());
        Assert.Equal(50m, body.GetProperty("submittedRate").GetDecimal());
        var missing = body.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("state").GetString() == "missing");
        Assert.Equal(OtherCity, missing.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_unit_registered_after_a_month_is_not_expected_for_it()
    {
        var body = await GetJsonAsync($"/api/reporting-status?period=2022-05&scope={OtherCity}");

        Assert.Equal((0, 0m), (body.GetProperty("expected").GetInt32(), body.GetProperty("submittedRate").GetDecimal()));
    }

    [Fact]
    public async Task Reporting_status_rejects_an_unknown_scope()
    {
        var response = await Admin.GetAsync("/api/reporting-status?period=2022-08&scope=no-such-unit");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Only_an_admin_may_rebuild_the_read_models()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Auditor).PostAsync("/api/admin/rebuild", null)).StatusCode);
        var response = await Admin.PostAsync("/api/admin/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetInt64() > 0);
    }
}
