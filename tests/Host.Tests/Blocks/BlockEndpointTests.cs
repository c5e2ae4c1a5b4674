using System.Net;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using GovReport.Host.Tests.Summaries;
using static GovReport.Host.Tests.Blocks.BlocksFactory;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Blocks;

/// <summary>Reports go in through the API; a block's comparison adds its members up.</summary>
public sealed class BlockEndpointTests(BlocksFactory factory) : IClassFixture<BlocksFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    // A block spans subtrees, so its figures are read by a role that reads every unit.
    private Task<JsonElement> GetJsonAsync(string path) => factory.ClientAs(Roles.Planner).GetAsync(path).JsonAsync();

    private static JsonElement Row(JsonElement body, string indicator) =>
        body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == indicator);

    private async Task Submit(string unit, string month, params (string, decimal)[] values)
    {
        var response = await Admin.SubmitAsync(unit, month, values);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_blocks_ytd_sums_its_departments_counts_a_member_inside_another_once_and_sums_a_per_day_rate()
    {
        await Submit(Finance, "2022-07", (Budget, 100m), (Patients, 120m));
        await Submit(Planning, "2022-07", (Budget, 20.5m), (Patients, 30m));
        await Submit(BudgetTeam, "2022-08", (Budget, 40m)); // inside the finance office's figure, which has none of its own in August
        await Submit(Planning, "2022-08", (Budget, 15m));
        await Submit(CultureOffice, "2022-08", (Budget, 999m));

        var body = await GetJsonAsync($"/api/blocks/{Economy}/performance?period=2022-08&view=ytd");

        Assert.Equal((Economy, "block", "ytd"), (body.GetProperty("unit").GetString(), body.GetProperty("scope").GetString(), body.GetProperty("view").GetString()));
        var budget = Row(body, Budget);
        Assert.Equal(175.5m, budget.GetProperty("actual").GetDecimal());
        Assert.Equal(JsonValueKind.Null, budget.GetProperty("target").ValueKind);
        Assert.Equal("no-target", budget.GetProperty("status").GetString());
        Assert.True(body.GetProperty("freshness").GetProperty("caughtUp").GetBoolean());

        var july = await GetJsonAsync($"/api/blocks/{Economy}/performance?period=2022-07&indicator={Patients}");
        Assert.Equal(150m, Assert.Single(july.GetProperty("rows").EnumerateArray()).GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task The_blocks_are_listed_with_their_members()
    {
        var body = await GetJsonAsync("/api/blocks");

        var blocks = body.GetProperty("blocks").EnumerateArray().ToDictionary(
            b => b.GetProperty("id").GetString()!, b => b.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToList());
        Assert.Equal([Planning, Finance, BudgetTeam], blocks[Economy]);
        Assert.Equal([CultureOffice], blocks[Culture]);
    }

    [Fact]
    public async Task An_unknown_block_is_a_404_a_bad_query_a_400_and_no_token_a_401()
    {
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync("/api/blocks/no-such-block/performance?period=2022-08"), HttpStatusCode.NotFound, "block-not-found");
        var bad = await ProblemAssert.IsProblemAsync(await Admin.GetAsync($"/api/blocks/{Economy}/performance?period=2022-08&view=weekly"), HttpStatusCode.BadRequest, "validation");
        Assert.True(bad.GetProperty("errors").TryGetProperty("view", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"/api/blocks/{Economy}/performance?period=2022-08")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync("/api/blocks")).StatusCode);
    }
}
