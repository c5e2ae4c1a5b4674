using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Dhis2;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// A merged or dissolved unit files nothing from the effective month however its figures arrive:
/// a DHIS2 payload's values for it are conflicts naming the successor, a workbook's lines are
/// errors; its months before the restructuring still go in.
/// </summary>
public sealed class RetiredUnitImportTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task MergedAndDissolvedAsync(string p)
    {
        await Admin.UnitAsync($"tp-{p}", "city", null);
        foreach (var unit in new[] { $"xa-{p}-1", $"xa-{p}-2" }) await Admin.UnitAsync(unit, "commune", $"tp-{p}");
        await Admin.UnitAsync($"phuong-{p}", "ward", $"tp-{p}");
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { $"xa-{p}-1" }, successor = $"phuong-{p}" });
        await Admin.RecordedAsync(new { kind = "dissolve", effectiveMonth = "2025-07", decision = "Luật 72/2025/QH15", unit = $"xa-{p}-2" });
    }

    [Fact]
    public async Task A_dhis2_payload_for_a_merged_or_dissolved_unit_after_the_effective_month_is_a_conflict_and_appends_nothing_for_it()
    {
        await MergedAndDissolvedAsync("dh");
        var payload = Dhis2Requests.DataValueSet(
            (Forest, "202508", "xa-dh-1", "3"), (Forest, "202508", "xa-dh-2", "4"), (Forest, "202506", "xa-dh-1", "5"), (Forest, "202508", "phuong-dh", "6"));

        var answer = await Admin.PostAsync(payload);

        Assert.Equal((2, 0, 2, 0), answer.Counts());
        var conflicts = answer.Body.GetProperty("conflicts").EnumerateArray().ToList();
        var merged = Assert.Single(conflicts, c => c.GetProperty("object").GetString() == "xa-dh-1");
        Assert.Contains("into phuong-dh from 2025-07", merged.GetProperty("value").GetString());
        var dissolved = Assert.Single(conflicts, c => c.GetProperty("object").GetString() == "xa-dh-2");
        Assert.Contains("dissolved from 2025-07", dissolved.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetReportAsync("xa-dh-1", "2025-08")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetReportAsync("xa-dh-1", "2025-06")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetReportAsync("phuong-dh", "2025-08")).StatusCode);
    }

    [Fact]
    public async Task A_workbook_line_for_a_merged_unit_after_the_effective_month_is_an_error_naming_the_successor()
    {
        await MergedAndDissolvedAsync("wb");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("unit;forest-planted\nxa-wb-1;7\nphuong-wb;8\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var refused = await Admin.PostAsync("/api/imports/workbook?month=2025-08", content);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var line = Assert.Single(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("lines").EnumerateArray());
        Assert.Equal("xa-wb-1", line.GetProperty("unit").GetString());
        Assert.Contains("report 2025-08 as phuong-wb", line.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetReportAsync("phuong-wb", "2025-08")).StatusCode);
    }
}
