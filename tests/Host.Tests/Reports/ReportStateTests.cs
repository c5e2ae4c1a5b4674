using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

/// <summary>Transitions the state forbids, optimistic concurrency, idempotent repeats and time travel.</summary>
public class ReportStateTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);
    private readonly HttpClient _approver = factory.ClientAs(Roles.Approver, City);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task Given_a_draft_when_an_approver_approves_it_then_it_is_a_409_and_nothing_is_appended()
    {
        await _reporter.SaveDraftAsync(Commune, "2022-01", (Forest, 1m)).ReportAsync();
        var before = await factory.EventCountAsync();

        var response = await _approver.ApproveAsync(Commune, "2022-01");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_an_approved_report_when_the_unit_saves_a_draft_or_submits_then_it_is_locked_409()
    {
        await _reporter.SubmitAsync(Commune, "2022-02", (Forest, 1m)).ReportAsync();
        await _approver.ApproveAsync(Commune, "2022-02").ReportAsync();
        var before = await factory.EventCountAsync();

        await ProblemAssert.IsProblemAsync(await _reporter.SaveDraftAsync(Commune, "2022-02", (Forest, 2m)), HttpStatusCode.Conflict, "invalid-transition");
        await ProblemAssert.IsProblemAsync(await _reporter.SubmitAsync(Commune, "2022-02", (Forest, 2m)), HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_draft_when_a_correction_is_sent_then_it_is_a_409()
    {
        await _reporter.SaveDraftAsync(Commune, "2022-03", (Forest, 1m)).ReportAsync();

        await ProblemAssert.IsProblemAsync(await _reporter.CorrectAsync(Commune, "2022-03", "typo", (Forest, 2m)),
            HttpStatusCode.Conflict, "invalid-transition");
    }

    [Fact]
    public async Task Given_a_submitted_report_when_a_correction_changes_nothing_then_it_is_a_400_naming_values()
    {
        await _reporter.SubmitAsync(Commune, "2022-04", (Forest, 1m)).ReportAsync();

        var problem = await ProblemAssert.IsProblemAsync(await _reporter.CorrectAsync(Commune, "2022-04", "typo", (Forest, 1m)),
            HttpStatusCode.BadRequest, "no-change");
        Assert.True(problem.GetProperty("errors").TryGetProperty("values", out _));
    }

    [Fact]
    public async Task Given_an_if_match_when_it_is_stale_then_412_and_when_it_matches_then_the_write_goes_through()
    {
        var draft = await _reporter.SaveDraftAsync(Commune, "2022-05", (Forest, 1m)).ReportAsync();
        await _reporter.SaveDraftAsync(Commune, "2022-05", (Forest, 2m)).ReportAsync();
        var before = await factory.EventCountAsync();

        using var stale = new HttpRequestMessage(HttpMethod.Put, ReportRequests.PathOf(Commune, "2022-05"))
        {
            Content = JsonContent.Create(ReportRequests.Figures((Forest, 3m))),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{draft.GetProperty("version").GetInt64()}\"");
        await ProblemAssert.IsProblemAsync(await _reporter.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await factory.EventCountAsync());

        var current = await _reporter.GetAsync(ReportRequests.PathOf(Commune, "2022-05"));
        using var fresh = new HttpRequestMessage(HttpMethod.Post, ReportRequests.PathOf(Commune, "2022-05", "submit"));
        fresh.Headers.IfMatch.Add(current.Headers.ETag!);
        var submitted = await _reporter.SendAsync(fresh).ReportAsync();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal(2m, submitted.ValueOf(Forest));
    }

    [Fact]
    public async Task Given_an_idempotency_key_when_the_same_write_is_repeated_then_the_first_answer_returns_and_nothing_is_appended()
    {
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ReportRequests.PathOf(Commune, "2022-06", "submit"))
            {
                Content = JsonContent.Create(ReportRequests.Figures((Forest, 4m))),
            };
            request.Headers.Add("Idempotency-Key", "submit-2022-06-once");
            return request;
        }

        var first = await _reporter.SendAsync(Request());
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await factory.EventCountAsync();

        var repeat = await _reporter.SendAsync(Request());

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(firstBody, await repeat.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, repeat.Headers.ETag);
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_correction_when_read_as_of_before_and_after_it_then_each_instant_shows_its_own_value()
    {
        var t0 = Today;
        factory.Clock.Set(t0);
        await _reporter.SubmitAsync(Commune, "2022-07", (Forest, 10m)).ReportAsync();
        factory.Clock.Set(t0.AddHours(2));
        await _reporter.CorrectAsync(Commune, "2022-07", "Nhập nhầm", (Forest, 12m)).ReportAsync();

        var before = await _reporter.GetReportAsync(Commune, "2022-07", t0.AddHours(1)).ReportAsync();
        var after = await _reporter.GetReportAsync(Commune, "2022-07", t0.AddHours(3)).ReportAsync();
        var now = await _reporter.GetReportAsync(Commune, "2022-07").ReportAsync();

        Assert.Equal(10m, before.ValueOf(Forest));
        Assert.Equal(1, before.GetProperty("version").GetInt64());
        Assert.Equal(12m, after.ValueOf(Forest));
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        Assert.Equal(12m, now.ValueOf(Forest));
        await ProblemAssert.IsProblemAsync(await _reporter.GetReportAsync(Commune, "2022-07", t0.AddMinutes(-1)),
            HttpStatusCode.NotFound, "report-not-found");
    }

    [Fact]
    public async Task Given_no_report_when_reading_it_then_404_report_not_found()
    {
        await ProblemAssert.IsProblemAsync(await _reporter.GetReportAsync(Commune, "2021-12"), HttpStatusCode.NotFound, "report-not-found");
    }

    [Fact]
    public async Task Given_reports_in_two_years_when_listing_one_year_then_only_its_months_are_listed_in_order()
    {
        await _reporter.SaveDraftAsync(Commune, "2021-11", (Forest, 1m)).ReportAsync();
        await _reporter.SaveDraftAsync(Commune, "2020-11", (Forest, 1m)).ReportAsync();

        var list = await _reporter.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{Commune}/reports?year=2021");

        var months = list.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("month").GetString()).ToArray();
        Assert.Contains("2021-11", months);
        Assert.DoesNotContain("2020-11", months);
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
    }
}
