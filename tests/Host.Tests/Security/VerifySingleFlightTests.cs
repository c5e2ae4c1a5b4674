using System.Text.Json;
using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Audit;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Verify replays the whole log. Callers at once share one run, a recent answer comes from cache,
/// and a fresh run can be forced only once the cached one is old enough: no caller can make the
/// database replay the log over and over.
/// </summary>
public class VerifySingleFlightTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    private VerifyJobs Jobs => factory.Services.GetRequiredService<VerifyJobs>();

    [Fact]
    public async Task Eight_callers_at_once_cause_one_replay_and_share_its_answer()
    {
        await factory.ClientAs(Roles.Reporter, Commune).SubmitAsync(Commune, "2022-08", (Forest, 10m)).ReportAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1)); // past any answer cached by another test
        var before = Jobs.Runs;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.ClientAs(Roles.Auditor).JsonAsync("/api/audit/verify")));

        Assert.Equal(1, Jobs.Runs - before);
        Assert.All(answers, a => Assert.True(a.GetProperty("ok").GetBoolean(), a.ToString()));
        Assert.Single(answers.Select(a => a.GetProperty("verifiedAt").GetDateTimeOffset()).Distinct());
        Assert.All(answers, a => Assert.True(a.TryGetProperty("checkedEvents", out _) && a.TryGetProperty("readModelDifferences", out _)));
    }

    [Fact]
    public async Task A_recent_answer_is_served_from_cache_and_a_fresh_run_waits_for_the_minimum_age()
    {
        var auditor = factory.ClientAs(Roles.Auditor);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var first = await auditor.JsonAsync("/api/audit/verify");
        var runs = Jobs.Runs;

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var cached = await auditor.JsonAsync("/api/audit/verify");
        var forcedTooSoon = await auditor.JsonAsync("/api/audit/verify?fresh=true");
        Assert.Equal(runs, Jobs.Runs);
        Assert.Equal(VerifiedAt(first), VerifiedAt(cached));
        Assert.Equal(VerifiedAt(first), VerifiedAt(forcedTooSoon));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var forced = await auditor.JsonAsync("/api/audit/verify?fresh=true");
        Assert.Equal(runs + 1, Jobs.Runs);
        Assert.True(VerifiedAt(forced) > VerifiedAt(first));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await auditor.JsonAsync("/api/audit/verify");
        Assert.Equal(runs + 2, Jobs.Runs);
        Assert.True(VerifiedAt(expired) > VerifiedAt(forced));
    }

    [Fact]
    public async Task A_fresh_flag_that_is_not_a_boolean_is_a_problem()
    {
        var response = await factory.ClientAs(Roles.Auditor).GetAsync("/api/audit/verify?fresh=soon");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static DateTimeOffset VerifiedAt(JsonElement answer) => answer.GetProperty("verifiedAt").GetDateTimeOffset();
}
