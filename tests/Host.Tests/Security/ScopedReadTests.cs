using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Blocks;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Summaries;
using static GovReport.Host.Tests.Blocks.BlocksFactory;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Security;

/// <summary>
/// Finding 4: a reporter got 403 on another unit's report but 200 on its performance, and read
/// other units' narratives in summaries. Reporters and approvers read comparisons, reporting
/// status and summaries only within their units' subtrees; auditors, planners and admins read
/// everything; the catalogue stays open to every caller.
/// </summary>
public class ScopedReadTests(BlocksFactory factory) : IClassFixture<BlocksFactory>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<BlocksFactory> Seeded = [];

    private async Task<string> SeedAndPublishCitySummaryAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (Seeded.Add(factory)) await factory.SeedAugustAsync();
        }
        finally { Gate.Release(); }
        var created = await factory.ClientAs(Roles.Admin).PublishAsync(City, "2022-08").JsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private static string Performance(string unit) => $"/api/units/{unit}/performance?period=2022-08&view=ytd";

    [Theory]
    [InlineData(Roles.Reporter, OtherCommune, Commune, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reporter, Commune, City, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Approver, OtherCity, Commune, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Reporter, Commune, Commune, HttpStatusCode.OK)]
    [InlineData(Roles.Approver, City, Commune, HttpStatusCode.OK)]
    [InlineData(Roles.Auditor, OtherCity, Commune, HttpStatusCode.OK)]
    [InlineData(Roles.Planner, OtherCity, City, HttpStatusCode.OK)]
    public async Task Given_a_caller_when_it_reads_a_units_performance_then_only_within_its_subtree_unless_it_reads_everything(
        string role, string holds, string reads, HttpStatusCode expected)
    {
        var response = await factory.ClientAs(role, holds).GetAsync(Performance(reads));

        if (expected == HttpStatusCode.OK) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else await ProblemAssert.IsProblemAsync(response, expected, "forbidden");
    }

    [Fact]
    public async Task Given_a_block_across_subtrees_then_a_member_department_may_not_read_it_but_the_city_may()
    {
        var path = $"/api/blocks/{Economy}/performance?period=2022-08&view=ytd";

        await ProblemAssert.IsProblemAsync(await factory.ClientAs(Roles.Reporter, Finance).GetAsync(path), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Reporter, City).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Auditor).GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Given_reporting_status_then_a_scoped_caller_must_name_a_scope_within_its_units()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);

        await ProblemAssert.IsProblemAsync(await reporter.GetAsync("/api/reporting-status?period=2022-08"), HttpStatusCode.Forbidden, "scope-required");
        await ProblemAssert.IsProblemAsync(await reporter.GetAsync($"/api/reporting-status?period=2022-08&scope={City}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/api/reporting-status?period=2022-08&scope={Commune}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Auditor).GetAsync("/api/reporting-status?period=2022-08")).StatusCode);
    }

    [Fact]
    public async Task Given_a_city_summary_with_commune_narratives_then_a_commune_reporter_can_neither_read_nor_list_it()
    {
        var id = await SeedAndPublishCitySummaryAsync();
        var reporter = factory.ClientAs(Roles.Reporter, OtherCommune);

        await ProblemAssert.IsProblemAsync(await reporter.GetAsync($"/api/summaries/{id}"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await reporter.GetAsync($"/api/summaries?scope={City}"), HttpStatusCode.Forbidden);
        var everything = await reporter.GetAsync("/api/summaries").JsonAsync();
        Assert.DoesNotContain(everything.GetProperty("summaries").EnumerateArray(), s => s.GetProperty("scope").GetString() == City);

        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Approver, City).GetAsync($"/api/summaries/{id}")).StatusCode);
        var listed = await factory.ClientAs(Roles.Planner).GetAsync("/api/summaries").JsonAsync();
        Assert.Contains(listed.GetProperty("summaries").EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Given_a_commune_reporter_then_the_catalogue_stays_readable()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);

        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/api/units")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync("/api/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reporter.GetAsync($"/api/units/{OtherCity}")).StatusCode);
        var blocks = JsonDocument.Parse(await (await reporter.GetAsync("/api/blocks")).Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual(0, blocks.GetProperty("blocks").GetArrayLength());
    }
}
