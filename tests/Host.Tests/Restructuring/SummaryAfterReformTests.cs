using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Domain.Summaries;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// A summary of July 2025 for units the reform made: a merged ward's figures read like any other
/// unit's; a caveat appears only where a figure is a split's estimate or has no faithful comparison.
/// </summary>
public sealed class SummaryAfterReformTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<JsonElement> PublishedAsync(string scope)
    {
        var response = await Admin.PostAsJsonAsync("/api/summaries", new { scope, period = "2025-07" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Lines(JsonElement summary) => summary.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToArray();

    private static JsonElement YtdRow(JsonElement summary, string indicator) =>
        summary.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("view").GetString() == "ytd")
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == indicator);

    [Fact]
    public async Task A_merged_wards_summary_reads_naturally_and_only_its_plain_average_says_it_cannot_be_compared()
    {
        await Admin.UnitAsync("tp-sum", "city", null);
        await Admin.UnitAsync("xa-sum-1", "commune", "tp-sum");
        await Admin.UnitAsync("xa-sum-2", "commune", "tp-sum");
        await Admin.UnitAsync("phuong-sum", "ward", "tp-sum");
        await Admin.SubmittedAsync("xa-sum-1", "2024-07", (Forest, 10m), (RestructuringRequests.Average, 80m));
        await Admin.SubmittedAsync("xa-sum-2", "2024-07", (Forest, 5m), (RestructuringRequests.Average, 90m));
        await Admin.SubmittedAsync("xa-sum-1", "2025-03", (Forest, 2m));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-sum-1", "xa-sum-2" }, successor = "phuong-sum" });
        await Admin.SubmittedAsync("phuong-sum", "2025-07", (Forest, 20m), (RestructuringRequests.Average, 85m));

        var summary = await PublishedAsync("phuong-sum");

        // 2 + 20 this year against 10 + 5 last July: the predecessors' figures, added, with no remark.
        Assert.Contains("Trồng rừng đạt 22 ha, tăng 46,7% so với cùng kỳ.", Lines(summary));
        Assert.Contains($"Điểm hài lòng đạt 85 điểm ({SummaryLines.NotComparable}).", Lines(summary));
        Assert.DoesNotContain(Lines(summary), l => l.Contains(SummaryLines.EstimatedBySplit));
        var average = YtdRow(summary, RestructuringRequests.Average);
        Assert.False(average.GetProperty("comparable").GetBoolean());
        Assert.True(YtdRow(summary, Forest).GetProperty("comparable").GetBoolean());
    }

    [Fact]
    public async Task A_split_successors_summary_says_its_figures_before_the_split_are_an_estimate()
    {
        await Admin.UnitAsync("tp-sus", "city", null);
        await Admin.UnitAsync("xa-sus-1", "commune", "tp-sus");
        await Admin.UnitAsync("phuong-sus-a", "ward", "tp-sus");
        await Admin.UnitAsync("phuong-sus-b", "ward", "tp-sus");
        await Admin.SubmittedAsync("xa-sus-1", "2024-07", (Forest, 100m));
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-sus-1",
            successors = new[] { new { unit = "phuong-sus-a", share = 0.4m }, new { unit = "phuong-sus-b", share = 0.6m } },
        });
        await Admin.SubmittedAsync("phuong-sus-a", "2025-07", (Forest, 50m));

        var summary = await PublishedAsync("phuong-sus-a");

        Assert.Contains($"Trồng rừng đạt 50 ha, tăng 25% so với cùng kỳ ({SummaryLines.EstimatedBySplit}).", Lines(summary));
        Assert.True(YtdRow(summary, Forest).GetProperty("estimated").GetBoolean());
        // The city held the commune before the split and both wards after it: its own figures, no estimate.
        Assert.Contains("Trồng rừng đạt 50 ha, giảm 50% so với cùng kỳ.", Lines(await PublishedAsync("tp-sus")));
    }
}
