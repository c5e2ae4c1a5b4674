using System.Net;
using System.Net.Http.Json;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using GovReport.Projections;
using GovReport.Projections.Serialization;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>Figures are held to the indicator's plausible range; figures already in the log beyond it cannot break a read.</summary>
public class PlausibleRangeTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);
    private readonly HttpClient _approver = factory.ClientAs(Roles.Approver, City);
    private readonly HttpClient _planner = factory.ClientAs(Roles.Planner);
    private readonly HttpClient _admin = factory.ClientAs(Roles.Admin);

    private static async Task AssertOutOfRangeAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task Given_a_submitted_report_when_a_correction_carries_the_largest_decimal_then_400_names_the_value_and_nothing_is_appended()
    {
        await _reporter.SubmitAsync(Commune, "2022-07", (Forest, 5m)).ReportAsync();
        var before = await factory.EventCountAsync();

        await AssertOutOfRangeAsync(await _approver.CorrectAsync(Commune, "2022-07", "sửa", (Forest, decimal.MaxValue)), "values[0].value");

        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_draft_or_a_submission_when_a_figure_exceeds_10_to_the_15_then_400_names_it()
    {
        await AssertOutOfRangeAsync(await _reporter.SaveDraftAsync(Commune, "2022-06", (Forest, 1_000_000_000_000_001m)), "values[0].value");
        await AssertOutOfRangeAsync(await _reporter.SubmitAsync(Commune, "2022-06", (Forest, 1m), (Patients, 7e27m)), "values[1].value");
        Assert.Equal(HttpStatusCode.OK, (await _reporter.SaveDraftAsync(Commune, "2022-06", (Forest, 1_000_000_000_000_000m))).StatusCode);
    }

    [Fact]
    public async Task Given_a_percentage_when_101_is_reported_then_400_but_100_is_accepted()
    {
        await AssertOutOfRangeAsync(await _reporter.SaveDraftAsync(Commune, "2022-05", (Poverty, 101m)), "values[0].value");
        Assert.Equal(HttpStatusCode.OK, (await _reporter.SaveDraftAsync(Commune, "2022-05", (Poverty, 100m))).StatusCode);
    }

    [Fact]
    public async Task Given_targets_beyond_the_range_when_put_then_400_names_the_value_and_the_month()
    {
        var response = await _planner.PutAsJsonAsync($"/api/units/{City}/targets/2022", new
        {
            targets = new object[]
            {
                new { indicator = Forest, value = 1e16m },
                new { indicator = Poverty, value = 5m, monthly = new[] { 1m, 1m, 1m, 101m, 1m, 1m, 1m, 1m, 1m, 1m, 1m, 1m } },
            },
        });
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("targets[0].value", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("targets[1].monthly[3]", out _), problem.ToString());
    }

    [Fact]
    public async Task Given_an_indicator_when_its_catalogue_range_is_set_then_it_is_validated_stored_and_applied()
    {
        const string index = "industrial-index";
        var definition = new { name = "Chỉ số sản xuất công nghiệp", measure = "%", aggregation = "average", direction = "higher-is-better" };
        await AssertOutOfRangeAsync(await _planner.PutAsJsonAsync($"/api/indicators/{index}", new
            { definition.name, definition.measure, definition.aggregation, definition.direction, maxValue = 1e16m }), "maxValue");
        await AssertOutOfRangeAsync(await _planner.PutAsJsonAsync($"/api/indicators/{index}", new
            { definition.name, definition.measure, definition.aggregation, definition.direction, minValue = 50m, maxValue = 10m }), "minValue");

        var created = await _planner.PutAsJsonAsync($"/api/indicators/{index}", new
            { definition.name, definition.measure, definition.aggregation, definition.direction, maxValue = 1000m });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (_, stored) = await _planner.GetJsonAsync($"/api/indicators/{index}");
        Assert.Equal(1000m, stored.GetProperty("maxValue").GetDecimal());
        Assert.Equal(0m, stored.GetProperty("range").GetProperty("min").GetDecimal());

        Assert.Equal(HttpStatusCode.OK, (await _reporter.SaveDraftAsync(Commune, "2022-04", (index, 108.5m))).StatusCode);
        await AssertOutOfRangeAsync(await _reporter.SaveDraftAsync(Commune, "2022-04", (index, 1000.5m)), "values[0].value");
    }

    [Fact]
    public async Task Given_figures_of_the_largest_decimal_already_in_the_log_when_compared_then_the_row_is_null_with_overflow_and_nothing_fails()
    {
        // Written straight to the store, as a figure recorded before the bound existed would be.
        var store = factory.Services.GetRequiredService<PgEventStore>();
        foreach (var unit in new[] { Commune, OtherCommune })
        {
            var submitted = new ReportSubmitted(new UnitId(unit), new Month(2022, 3),
                [new FigureValue(new IndicatorCode(Forest), decimal.MaxValue), new FigureValue(new IndicatorCode(Patients), 7e27m)],
                null, factory.Clock.GetUtcNow(), true, new DateOnly(2022, 4, 5));
            await store.AppendAsync($"report-{unit}-2022-03", ExpectedVersion.NoStream,
                [EventSerializer.ToNew(submitted, new EventMetadata("legacy-import", "test"))], InlineProjector.Live);
        }
        await factory.CaughtUpAsync();

        foreach (var unit in new[] { Commune, City })
        {
            var (status, performance) = await _admin.GetJsonAsync($"/api/units/{unit}/performance?period=2022-03&view=ytd");
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var indicator in new[] { Forest, Patients })
            {
                var row = performance.Row(indicator);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("actual").ValueKind);
                Assert.True(row.GetProperty("overflow").GetBoolean());
            }
            Assert.True(performance.GetProperty("freshness").GetProperty("caughtUp").GetBoolean());
        }
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);
        var (published, _) = await _approver.PostJsonAsync("/api/summaries", new { scope = City, period = "2022-03" });
        Assert.Equal(HttpStatusCode.Created, published);
    }
}
