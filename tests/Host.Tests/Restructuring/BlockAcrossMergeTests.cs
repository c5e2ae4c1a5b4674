using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// A block (khối) holding a commune and the ward it merged into: the commune counts through the
/// ward, never beside it, so the block's last year is the ward's predecessors once each.
/// </summary>
public sealed class BlockAcrossMergeTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task UnitAsync(string id, string kind, string parent, string? block)
    {
        var response = await Admin.PutAsJsonAsync($"/api/units/{id}", new { name = $"Đơn vị {id}", kind, parentId = parent, block });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> BlockRowAsync(string block, string period, string view)
    {
        var body = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/blocks/{block}/performance?period={period}&view={view}&indicator={Forest}");
        return body.GetProperty("rows").EnumerateArray().Single();
    }

    [Fact]
    public async Task A_merged_member_counts_through_its_successor_never_twice()
    {
        await Admin.UnitAsync("tp-bk", "city", null);
        await UnitAsync("xa-bk-1", "commune", "tp-bk", "khoi-bk");
        await UnitAsync("xa-bk-2", "commune", "tp-bk", null);
        await UnitAsync("phuong-bk", "ward", "tp-bk", "khoi-bk");
        await Admin.SubmittedAsync("xa-bk-1", "2024-07", (Forest, 10m));
        await Admin.SubmittedAsync("xa-bk-2", "2024-07", (Forest, 5m));
        await Admin.SubmittedAsync("xa-bk-1", "2025-06", (Forest, 2m));
        await Admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { "xa-bk-1", "xa-bk-2" }, successor = "phuong-bk",
        });
        await Admin.SubmittedAsync("phuong-bk", "2025-07", (Forest, 20m));

        var july = await BlockRowAsync("khoi-bk", "2025-07", "month");
        Assert.Equal((20m, 15m), (july.Number("actual"), july.Number("samePeriodLastYear")));
        // The month before the merge: the predecessors once each, as the ward's history.
        var june = await BlockRowAsync("khoi-bk", "2025-06", "month");
        Assert.Equal(2m, june.Number("actual"));
        var ytd = await BlockRowAsync("khoi-bk", "2025-07", "ytd");
        Assert.Equal(22m, ytd.Number("actual"));
    }
}
