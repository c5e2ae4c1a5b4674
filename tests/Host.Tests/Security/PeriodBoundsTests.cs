using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>Periods before 2000 or after next year (the clock says 2022, so 2023) are a 400 naming the field, never a 500.</summary>
public class PeriodBoundsTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private readonly HttpClient _admin = factory.ClientAs(Roles.Admin);
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);

    public static TheoryData<string> OutOfBounds => new() { "0001-01", "0001", "1999-12", "2024-01", "9999", "9999-12" };

    private static async Task AssertNamedAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task Given_a_period_out_of_bounds_when_read_anywhere_then_400_names_it(string period)
    {
        await AssertNamedAsync(await _admin.GetAsync($"/api/units/{City}/performance?period={period}"), "period");
        await AssertNamedAsync(await _admin.GetAsync($"/api/blocks/kinh-te/performance?period={period}"), "period");
        await AssertNamedAsync(await _admin.GetAsync($"/api/reporting-status?period={period}"), "period");
        await AssertNamedAsync(await _admin.GetAsync($"/api/periods/{period}"), "periodId");
        await AssertNamedAsync(await _admin.GetAsync($"/api/audit/history?unit={Commune}&indicator={Forest}&period={period}"), "period");
    }

    [Theory]
    [InlineData("0001-01")]
    [InlineData("1999-12")]
    [InlineData("2024-01")]
    [InlineData("9999-12")]
    public async Task Given_a_month_out_of_bounds_when_summaries_or_reports_are_asked_for_then_400_names_it(string month)
    {
        await AssertNamedAsync(await _admin.GetAsync($"/api/summaries?period={month}"), "period");
        await AssertNamedAsync(await _admin.PostAsJsonAsync("/api/summaries", new { scope = City, period = month }), "period");
        await AssertNamedAsync(await _reporter.SaveDraftAsync(Commune, month, (Forest, 1m)), "month");
        await AssertNamedAsync(await _reporter.SubmitAsync(Commune, month, (Forest, 1m)), "month");
        await AssertNamedAsync(await _reporter.GetReportAsync(Commune, month), "month");
        await AssertNamedAsync(await _admin.CorrectAsync(Commune, month, "x", (Forest, 1m)), "month");
    }

    [Theory]
    [InlineData("0001")]
    [InlineData("1999")]
    [InlineData("2024")]
    [InlineData("9999")]
    public async Task Given_a_year_out_of_bounds_when_targets_or_report_lists_are_asked_for_then_400_names_it(string year)
    {
        await AssertNamedAsync(await _admin.GetAsync($"/api/units/{City}/targets/{year}"), "year");
        await AssertNamedAsync(await _admin.PutAsJsonAsync($"/api/units/{City}/targets/{year}",
            new { targets = new[] { new { indicator = Forest, value = 1m } } }), "year");
        await AssertNamedAsync(await _admin.GetAsync($"/api/units/{City}/reports?year={year}"), "year");
    }

    [Fact]
    public async Task Given_next_year_when_a_plan_is_set_then_it_is_accepted() =>
        Assert.True((await _admin.PutAsJsonAsync($"/api/units/{City}/targets/2023",
            new { targets = new[] { new { indicator = Forest, value = 1m } } })).IsSuccessStatusCode);
}
