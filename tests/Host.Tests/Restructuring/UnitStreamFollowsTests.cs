using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// A move or rename by decision reaches the unit's own stream: GET and PUT /api/units, the unit
/// tree, the unit's audit history and a fresh replay all agree, and a revert gives everything
/// back its old parent and name.
/// </summary>
public sealed class UnitStreamFollowsTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    private async Task<JsonElement> UnitAsync(string id) =>
        (await Auditor.GetFromJsonAsync<JsonElement>($"/api/units/{id}"));

    private async Task<JsonElement> TreeNodeAsync(string id) =>
        (await Auditor.GetFromJsonAsync<JsonElement>("/api/units")).GetProperty("units").EnumerateArray()
            .Single(n => n.GetProperty("id").GetString() == id);

    private async Task<string[]> UnitEventTypesAsync(string id) =>
        (await Auditor.GetFromJsonAsync<JsonElement>($"/api/audit/events?stream=unit-{id}")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()!).ToArray();

    private async Task AssertRebuildEqualsLiveAsync()
    {
        var report = await Auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(report.GetProperty("ok").GetBoolean(), report.ToString());
        Assert.Equal(0, report.GetProperty("readModelDifferences").GetArrayLength());
    }

    [Fact]
    public async Task A_move_by_decision_is_the_units_own_parent_and_a_revert_gives_the_old_one_back()
    {
        await Admin.UnitAsync("huyen-mv", "district", null);
        await Admin.UnitAsync("tinh-mv", "province", null);
        await Admin.UnitAsync("xa-mv", "commune", "huyen-mv");
        await Admin.SubmittedAsync("xa-mv", "2025-06", (Forest, 3m));
        var id = await Admin.RecordedAsync(new { kind = "move", effectiveMonth = "2025-07", decision = "Luật 72/2025/QH15", unit = "xa-mv", parentId = "tinh-mv" });

        var unit = await UnitAsync("xa-mv");
        Assert.Equal("tinh-mv", unit.GetProperty("parentId").GetString());
        Assert.Equal("tinh-mv", (await TreeNodeAsync("xa-mv")).GetProperty("parentId").GetString());
        var version = unit.GetProperty("version").GetInt64();
        Assert.Equal(["unit_registered", "unit_moved"], await UnitEventTypesAsync("xa-mv"));
        var moved = (await Auditor.GetFromJsonAsync<JsonElement>("/api/audit/events?stream=unit-xa-mv")).GetProperty("events")[1];
        Assert.Equal(id, moved.GetProperty("data").GetProperty("restructuring").GetString());
        Assert.Equal("Luật 72/2025/QH15", moved.GetProperty("reason").GetString());

        // A PUT that states what the decision made of the unit changes nothing.
        var put = await Admin.PutAsJsonAsync("/api/units/xa-mv", new { name = "Đơn vị xa-mv", kind = "commune", parentId = "tinh-mv" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(version, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        // June still counts under the district, July on under the province.
        Assert.Equal(3m, (await Auditor.RowAsync("huyen-mv", "2025-06", "month", Forest)).Number("actual"));
        await AssertRebuildEqualsLiveAsync();

        var revert = await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "Nhầm đơn vị" });
        Assert.Equal(HttpStatusCode.OK, revert.StatusCode);
        Assert.Equal("huyen-mv", (await UnitAsync("xa-mv")).GetProperty("parentId").GetString());
        Assert.Equal("huyen-mv", (await TreeNodeAsync("xa-mv")).GetProperty("parentId").GetString());
        Assert.Equal(["unit_registered", "unit_moved", "unit_moved"], await UnitEventTypesAsync("xa-mv"));
        await AssertRebuildEqualsLiveAsync();
    }

    [Fact]
    public async Task A_rename_by_decision_is_the_units_own_name_and_a_revert_gives_the_old_one_back()
    {
        await Admin.UnitAsync("xa-rn", "commune", null);
        var id = await Admin.RecordedAsync(new { kind = "rename", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15", unit = "xa-rn", name = "Phường Mới" });

        Assert.Equal("Phường Mới", (await UnitAsync("xa-rn")).GetProperty("name").GetString());
        Assert.Equal("Phường Mới", (await TreeNodeAsync("xa-rn")).GetProperty("name").GetString());
        Assert.Equal(["unit_registered", "unit_renamed"], await UnitEventTypesAsync("xa-rn"));
        // PUT with the old name is a rename back, recorded as such, not a silent no-op.
        var put = await Admin.PutAsJsonAsync("/api/units/xa-rn", new { name = "Phường Mới", kind = "commune" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["unit_registered", "unit_renamed"], await UnitEventTypesAsync("xa-rn"));
        await AssertRebuildEqualsLiveAsync();

        var revert = await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "Chưa có hiệu lực" });
        Assert.Equal(HttpStatusCode.OK, revert.StatusCode);
        Assert.Equal("Đơn vị xa-rn", (await UnitAsync("xa-rn")).GetProperty("name").GetString());
        Assert.Equal("Đơn vị xa-rn", (await TreeNodeAsync("xa-rn")).GetProperty("name").GetString());
        Assert.Equal(["unit_registered", "unit_renamed", "unit_renamed"], await UnitEventTypesAsync("xa-rn"));
        await AssertRebuildEqualsLiveAsync();
    }
}
