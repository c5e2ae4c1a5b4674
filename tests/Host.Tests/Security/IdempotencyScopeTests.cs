using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Finding 9: idempotency keys were scoped by <c>sub</c> only, so a token with the same subject
/// but another unit got the first unit's draft back; replays skipped authorisation; stored
/// answers never expired; and <c>If-Match: W/"1"</c> matched.
/// </summary>
public class IdempotencyScopeTests(ReportsFactory factory) : IClassFixture<ReportsFactory>, IDisposable
{
    public void Dispose() => factory.Clock.Set(Today);

    private static HttpRequestMessage Draft(string unit, string month, decimal value, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ReportRequests.PathOf(unit, month))
        {
            Content = JsonContent.Create(ReportRequests.Figures((Forest, value))),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<long> StoredAnswersAsync(string key)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("SELECT count(*) FROM app.idempotency_keys WHERE key = @k");
        command.Parameters.AddWithValue("k", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Given_a_draft_saved_with_a_key_when_a_token_with_the_same_subject_but_another_unit_repeats_it_then_403_not_the_draft()
    {
        var first = await factory.ClientFor("clerk", [Roles.Reporter], Commune).SendAsync(Draft(Commune, "2020-01", 7m, "k-same-sub"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var other = await factory.ClientFor("clerk", [Roles.Reporter], OtherCommune).SendAsync(Draft(Commune, "2020-01", 7m, "k-same-sub"));

        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.Forbidden);
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.DoesNotContain("\"value\"", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_return_stored_with_a_key_when_the_unit_has_since_moved_out_of_the_approvers_subtree_then_the_replay_is_403()
    {
        var admin = factory.ClientAs(Roles.Admin);
        const string moved = "xa-se-chuyen";
        Assert.True((await admin.PutAsJsonAsync($"/api/units/{moved}", new { name = "Xã Sẽ Chuyển", kind = "commune", parentId = City })).IsSuccessStatusCode);
        await factory.ClientAs(Roles.Reporter, moved).SubmitAsync(moved, "2020-02", (Forest, 1m)).ReportAsync();
        var approver = factory.ClientAs(Roles.Approver, City);
        HttpRequestMessage Return()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ReportRequests.PathOf(moved, "2020-02", "return"))
            {
                Content = JsonContent.Create(new { reason = "Thiếu số liệu" }),
            };
            request.Headers.Add("Idempotency-Key", "k-return-moved");
            return request;
        }
        Assert.Equal(HttpStatusCode.OK, (await approver.SendAsync(Return())).StatusCode);
        var replay = await approver.SendAsync(Return());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        Assert.True((await admin.PutAsJsonAsync($"/api/units/{moved}", new { name = "Xã Sẽ Chuyển", kind = "commune", parentId = OtherCity })).IsSuccessStatusCode);
        var afterMove = await approver.SendAsync(Return());

        await ProblemAssert.IsProblemAsync(afterMove, HttpStatusCode.Forbidden);
        Assert.False(afterMove.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Given_one_key_sent_to_two_reports_then_each_is_its_own_request()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);

        var january = await reporter.SendAsync(Draft(Commune, "2020-03", 1m, "k-two-targets"));
        var february = await reporter.SendAsync(Draft(Commune, "2020-04", 1m, "k-two-targets"));

        Assert.Equal(HttpStatusCode.OK, january.StatusCode);
        Assert.Equal(HttpStatusCode.OK, february.StatusCode);
        Assert.Equal("2020-04", (await february.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("month").GetString());
    }

    [Fact]
    public async Task Given_an_answer_older_than_a_day_then_it_is_not_replayed_and_is_purged()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        factory.Clock.Set(Today.AddDays(-30));
        Assert.Equal(HttpStatusCode.OK, (await reporter.SendAsync(Draft(Commune, "2020-05", 1m, "k-expires"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.SendAsync(Draft(Commune, "2020-06", 1m, "k-old"))).StatusCode);
        var replayedSoon = await reporter.SendAsync(Draft(Commune, "2020-05", 1m, "k-expires"));
        Assert.True(replayedSoon.Headers.Contains("Idempotent-Replayed"));

        factory.Clock.Set(Today.AddDays(-30).AddHours(25));
        var later = await reporter.SendAsync(Draft(Commune, "2020-05", 1m, "k-expires"));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.False(later.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(0, await StoredAnswersAsync("k-old"));
    }

    [Theory]
    [InlineData("W/\"1\"", HttpStatusCode.PreconditionFailed)]
    [InlineData("\"1\"", HttpStatusCode.OK)]
    public async Task Given_a_report_at_version_1_then_if_match_compares_strongly(string ifMatch, HttpStatusCode expected)
    {
        var month = expected == HttpStatusCode.OK ? "2020-07" : "2020-08";
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        await reporter.SaveDraftAsync(Commune, month, (Forest, 1m)).ReportAsync();
        var before = await factory.EventCountAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, ReportRequests.PathOf(Commune, month))
        {
            Content = JsonContent.Create(ReportRequests.Figures((Forest, 2m))),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        var response = await reporter.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? before + 1 : before, await factory.EventCountAsync());
    }
}
