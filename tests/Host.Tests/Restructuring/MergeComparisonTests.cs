using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// Two communes merge into a ward from July 2025: the ward's July compares with the communes'
/// July 2024, its year to date adds their January–June, and the city counts each figure once.
/// </summary>
public sealed class MergeComparisonTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    private async Task<string> TwoCommunesMergedAsync(string prefix, Func<Task>? before = null)
    {
        await Admin.UnitAsync($"tp-{prefix}", "city", null);
        await Admin.UnitAsync($"xa-{prefix}-1", "commune", $"tp-{prefix}");
        await Admin.UnitAsync($"xa-{prefix}-2", "commune", $"tp-{prefix}");
        await Admin.UnitAsync($"phuong-{prefix}", "ward", $"tp-{prefix}");
        if (before is not null) await before();
        return await Admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { $"xa-{prefix}-1", $"xa-{prefix}-2" }, successor = $"phuong-{prefix}",
        });
    }

    [Fact]
    public async Task The_successors_ytd_and_last_year_include_its_predecessors_figures()
    {
        await TwoCommunesMergedAsync("m", async () =>
        {
            await Admin.SubmittedAsync("xa-m-1", "2024-07", (Forest, 10m));
            await Admin.SubmittedAsync("xa-m-2", "2024-07", (Forest, 5m));
            for (var m = 1; m <= 6; m++)
            {
                await Admin.SubmittedAsync("xa-m-1", $"2025-{m:D2}", (Forest, 1m));
                await Admin.SubmittedAsync("xa-m-2", $"2025-{m:D2}", (Forest, 2m));
            }
        });
        await Admin.SubmittedAsync("phuong-m", "2025-07", (Forest, 4m));

        var month = await Auditor.RowAsync("phuong-m", "2025-07", "month", Forest);
        Assert.Equal((4m, 15m), (month.Number("actual"), month.Number("samePeriodLastYear")));
        var ytd = await Auditor.RowAsync("phuong-m", "2025-07", "ytd", Forest);
        Assert.Equal((22m, 15m), (ytd.Number("actual"), ytd.Number("samePeriodLastYear")));
        Assert.False(ytd.GetProperty("estimated").GetBoolean());
        Assert.True(ytd.GetProperty("comparable").GetBoolean());

        // The city holds the communes before the merge and the ward after: never both.
        var city = await Auditor.RowAsync("tp-m", "2025-07", "ytd", Forest);
        Assert.Equal((22m, 15m), (city.Number("actual"), city.Number("samePeriodLastYear")));
        var cityJune = await Auditor.RowAsync("tp-m", "2025-06", "month", Forest);
        Assert.Equal(3m, cityJune.Number("actual"));
    }

    [Fact]
    public async Task Daily_rates_add_across_the_merge_and_plain_averages_are_not_comparable()
    {
        await TwoCommunesMergedAsync("avg", async () =>
        {
            await Admin.SubmittedAsync("xa-avg-1", "2024-07", (Patients, 100m), (RestructuringRequests.Average, 80m));
            await Admin.SubmittedAsync("xa-avg-2", "2024-07", (Patients, 50m), (RestructuringRequests.Average, 90m));
        });
        await Admin.SubmittedAsync("phuong-avg", "2025-07", (Patients, 160m), (RestructuringRequests.Average, 85m));

        var patients = await Auditor.RowAsync("phuong-avg", "2025-07", "month", Patients);
        Assert.Equal((160m, 150m), (patients.Number("actual"), patients.Number("samePeriodLastYear")));

        var average = await Auditor.RowAsync("phuong-avg", "2025-07", "month", RestructuringRequests.Average);
        Assert.False(average.GetProperty("comparable").GetBoolean());
        Assert.Equal((85m, (decimal?)null), (average.Number("actual"), average.Number("samePeriodLastYear")));
    }

    [Fact]
    public async Task A_successor_without_a_plan_is_held_to_its_predecessors_plans_combined()
    {
        await TwoCommunesMergedAsync("plan", async () =>
        {
            foreach (var (unit, value) in new[] { ("xa-plan-1", 100m), ("xa-plan-2", 50m) })
            {
                var plan = await Admin.PutAsJsonAsyncChecked($"/api/units/{unit}/targets/2025", new { targets = new[] { new { indicator = Forest, value } }, decision = "QĐ 5" });
                Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
            }
        });
        await Admin.SubmittedAsync("phuong-plan", "2025-07", (Forest, 30m));

        var row = await Auditor.RowAsync("phuong-plan", "2025-07", "ytd", Forest);

        Assert.Equal(150m, row.Number("target"));
        Assert.True(row.GetProperty("plan").GetProperty("derived").GetBoolean());
    }

    [Fact]
    public async Task Three_predecessors_read_together_give_their_figures_and_plans_each_to_its_own()
    {
        // The predecessors' figures and plans come back in one statement each, sorted by unit:
        // named here out of that order, one with no plan and one with no figures.
        await Admin.UnitAsync("tp-three", "city", null);
        foreach (var unit in new[] { "xa-three-c", "xa-three-a", "xa-three-b" }) await Admin.UnitAsync(unit, "commune", "tp-three");
        await Admin.UnitAsync("phuong-three", "ward", "tp-three");
        foreach (var (unit, value) in new[] { ("xa-three-c", 100m), ("xa-three-b", 40m) })
        {
            var plan = await Admin.PutAsJsonAsyncChecked($"/api/units/{unit}/targets/2025", new { targets = new[] { new { indicator = Forest, value } }, decision = "QĐ 7" });
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }
        await Admin.SubmittedAsync("xa-three-c", "2025-03", (Forest, 7m));
        await Admin.SubmittedAsync("xa-three-a", "2025-03", (Forest, 2m));
        await Admin.SubmittedAsync("xa-three-a", "2025-05", (Forest, 4m));
        await Admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { "xa-three-c", "xa-three-a", "xa-three-b" }, successor = "phuong-three",
        });
        await Admin.SubmittedAsync("phuong-three", "2025-07", (Forest, 30m));

        var row = await Auditor.RowAsync("phuong-three", "2025-07", "ytd", Forest);

        Assert.Equal((43m, 140m), (row.Number("actual"), row.Number("target")));
        Assert.True(row.GetProperty("plan").GetProperty("derived").GetBoolean());
    }

    [Fact]
    public async Task Asked_as_of_before_the_merge_was_recorded_the_successor_has_no_history()
    {
        await Admin.UnitAsync("tp-asof", "city", null);
        await Admin.UnitAsync("xa-asof-1", "commune", "tp-asof");
        await Admin.UnitAsync("phuong-asof", "ward", "tp-asof");
        await Admin.SubmittedAsync("xa-asof-1", "2024-07", (Forest, 10m));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-asof-1" }, successor = "phuong-asof" });

        var now = await Auditor.RowAsync("phuong-asof", "2025-07", "month", Forest);
        Assert.Equal(10m, now.Number("samePeriodLastYear"));
        var then = await Auditor.GetAsync($"/api/units/phuong-asof/performance?period=2025-07&view=month&indicator={Forest}&asOf={Uri.EscapeDataString(before.ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
        var rows = (await then.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("rows");
        Assert.Empty(rows.EnumerateArray());

        // Reporting status as of then still expects the commune for July, not the ward.
        var status = await Auditor.StatusAsync("tp-asof", "2025-07", before);
        Assert.Contains("xa-asof-1", status.ExpectedUnits("2025-07"));
        Assert.DoesNotContain("xa-asof-1", (await Auditor.StatusAsync("tp-asof", "2025-07")).ExpectedUnits("2025-07"));
    }
}

internal static class JsonRequests
{
    public static Task<HttpResponseMessage> PutAsJsonAsyncChecked(this HttpClient client, string path, object body) =>
        System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(client, path, body);
}
