using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

/// <summary>
/// A submission is sent as a likely new report, with no read of its own first: it must answer
/// exactly as a read-then-append did, whether the report is new, already there, or being
/// submitted by someone else at the same moment.
/// </summary>
public class SubmissionRaceTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private readonly HttpClient _reporter = factory.ClientAs(Roles.Reporter, Commune);

    [Fact]
    public async Task Given_copies_of_a_first_submission_racing_without_a_key_then_one_is_appended_and_the_others_are_409()
    {
        var before = await factory.EventCountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _reporter.SubmitAsync(Commune, "2022-07", (Forest, 3m)))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            await ProblemAssert.IsProblemAsync(lost, HttpStatusCode.Conflict, "invalid-transition");
        Assert.Equal(before + 1, await factory.EventCountAsync());
        var report = await _reporter.GetReportAsync(Commune, "2022-07").ReportAsync();
        Assert.Equal(("submitted", 1L), (report.GetProperty("status").GetString(), report.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Given_a_draft_when_the_unit_submits_then_the_submission_follows_the_draft()
    {
        await _reporter.SaveDraftAsync(Commune, "2022-08", (Forest, 1m)).ReportAsync();

        var submitted = await _reporter.SubmitAsync(Commune, "2022-08", (Forest, 2m)).ReportAsync();

        Assert.Equal(("submitted", 2L), (submitted.GetProperty("status").GetString(), submitted.GetProperty("version").GetInt64()));
        Assert.Equal(2m, submitted.ValueOf(Forest));
        var stored = await _reporter.GetReportAsync(Commune, "2022-08").ReportAsync();
        Assert.Equal(("submitted", 2L), (stored.GetProperty("status").GetString(), stored.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Given_a_submitted_report_when_it_is_submitted_again_then_it_is_409_and_nothing_is_appended()
    {
        await _reporter.SubmitAsync(Commune, "2022-06", (Forest, 1m)).ReportAsync();
        var before = await factory.EventCountAsync();

        await ProblemAssert.IsProblemAsync(await _reporter.SubmitAsync(Commune, "2022-06", (Forest, 1m)), HttpStatusCode.Conflict, "invalid-transition");

        Assert.Equal(before, await factory.EventCountAsync());
    }
}
