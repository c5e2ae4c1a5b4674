using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>Every kind of restructuring through the API: what it records, what it refuses, and who may do it.</summary>
public sealed class RestructuringEndpointTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);
    private HttpClient Planner => factory.ClientAs(Roles.Planner);
    private HttpClient Auditor => factory.ClientAs(Roles.Auditor);

    private async Task CityWithCommunesAsync(string prefix, int communes)
    {
        await Admin.UnitAsync($"tp-{prefix}", "city", null);
        for (var i = 1; i <= communes; i++) await Admin.UnitAsync($"xa-{prefix}-{i}", "commune", $"tp-{prefix}");
    }

    [Fact]
    public async Task After_a_merge_a_predecessor_filing_is_409_unit_merged_naming_the_successor()
    {
        await CityWithCommunesAsync("f", 2);
        await Admin.UnitAsync("phuong-f", "ward", "tp-f");
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-f-1", "xa-f-2" }, successor = "phuong-f" });

        var draft = await Admin.SaveDraftAsync("xa-f-1", "2025-08", (Forest, 1m));
        var problem = await ProblemAssert.IsProblemAsync(draft, HttpStatusCode.Conflict, "unit-merged");
        Assert.Equal("phuong-f", problem.GetProperty("successor").GetString());
        await ProblemAssert.IsProblemAsync(await Admin.SubmitAsync("xa-f-2", "2025-07", (Forest, 1m)), HttpStatusCode.Conflict, "unit-merged");
        // Before the effective month the commune still reports; the ward reports from it.
        Assert.Equal(HttpStatusCode.OK, (await Admin.SubmitAsync("xa-f-1", "2025-06", (Forest, 1m))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.SubmitAsync("phuong-f", "2025-07", (Forest, 1m))).StatusCode);
    }

    [Fact]
    public async Task A_predecessors_report_pending_when_the_merge_is_recorded_can_be_neither_approved_returned_nor_corrected()
    {
        await CityWithCommunesAsync("pe", 1);
        await Admin.UnitAsync("phuong-pe", "ward", "tp-pe");
        await Admin.SubmittedAsync("xa-pe-1", "2025-08", (Forest, 1m));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-pe-1" }, successor = "phuong-pe" });
        var events = await factory.EventCountAsync();

        foreach (var write in new Func<Task<HttpResponseMessage>>[]
        {
            () => Admin.ApproveAsync("xa-pe-1", "2025-08"), () => Admin.ReturnAsync("xa-pe-1", "2025-08", "Thiếu số liệu"),
            () => Admin.CorrectAsync("xa-pe-1", "2025-08", "Số liệu kiểm lâm", (Forest, 2m)),
        })
        {
            var problem = await ProblemAssert.IsProblemAsync(await write(), HttpStatusCode.Conflict, "unit-merged");
            Assert.Equal("phuong-pe", problem.GetProperty("successor").GetString());
        }
        Assert.Equal(events, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Reporting_status_expects_the_predecessors_until_the_merge_and_the_successor_from_it()
    {
        await CityWithCommunesAsync("s", 2);
        await Admin.UnitAsync("phuong-s", "ward", "tp-s");
        await Admin.SubmittedAsync("xa-s-1", "2025-01", (Forest, 1m));
        await Admin.SubmittedAsync("xa-s-2", "2025-01", (Forest, 1m));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-s-1", "xa-s-2" }, successor = "phuong-s" });

        var status = await Auditor.StatusAsync("tp-s", "2025Q3");

        // The city was registered in September and reported nothing earlier: expected from September.
        Assert.Equal(["xa-s-1", "xa-s-2"], (await Auditor.StatusAsync("tp-s", "2025-06")).ExpectedUnits("2025-06"));
        Assert.Equal(["phuong-s"], status.ExpectedUnits("2025-07"));
        Assert.Equal(["phuong-s", "tp-s"], status.ExpectedUnits("2025-09"));
    }

    [Fact]
    public async Task A_dissolved_unit_is_no_longer_expected_and_files_nothing()
    {
        await CityWithCommunesAsync("d", 1);
        await Admin.SubmittedAsync("xa-d-1", "2025-01", (Forest, 1m));
        await Admin.RecordedAsync(new { kind = "dissolve", effectiveMonth = "2025-08", decision = "NQ 1683", unit = "xa-d-1" });

        await ProblemAssert.IsProblemAsync(await Admin.SaveDraftAsync("xa-d-1", "2025-08", (Forest, 1m)), HttpStatusCode.Conflict, "unit-dissolved");
        Assert.Contains("xa-d-1", (await Auditor.StatusAsync("tp-d", "2025-07")).ExpectedUnits("2025-07"));
        Assert.DoesNotContain("xa-d-1", (await Auditor.StatusAsync("tp-d", "2025-08")).ExpectedUnits("2025-08"));
    }

    [Fact]
    public async Task A_moved_unit_counts_under_its_parent_of_each_month()
    {
        await CityWithCommunesAsync("mv", 1);
        await Admin.UnitAsync("tinh-mv", "province", null);
        await Admin.SubmittedAsync("xa-mv-1", "2025-06", (Forest, 7m));
        await Admin.SubmittedAsync("xa-mv-1", "2025-08", (Forest, 3m));
        await Admin.RecordedAsync(new { kind = "move", effectiveMonth = "2025-07", decision = "NQ 1683", unit = "xa-mv-1", parentId = "tinh-mv" });

        var unit = await (await Auditor.GetAsync("/api/units/xa-mv-1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tinh-mv", unit.GetProperty("parentId").GetString());
        Assert.Equal(7m, (await Auditor.RowAsync("tp-mv", "2025-06", "month", Forest)).Number("actual"));
        Assert.Equal(3m, (await Auditor.RowAsync("tinh-mv", "2025-08", "month", Forest)).Number("actual"));
        var province = await Auditor.RowAsync("tinh-mv", "2025-08", "ytd", Forest);
        Assert.Equal(3m, province.Number("actual")); // June was the city's
    }

    [Fact]
    public async Task A_rename_renames_the_unit_and_is_listed_with_its_decision()
    {
        await CityWithCommunesAsync("rn", 1);
        var id = await Planner.RecordedAsync(new { kind = "rename", effectiveMonth = "2025-07", decision = "NQ 1683", unit = "xa-rn-1", name = "Phường Đức Xuân" });

        var unit = await (await Auditor.GetAsync("/api/units/xa-rn-1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phường Đức Xuân", unit.GetProperty("name").GetString());
        var listed = await (await Auditor.GetAsync("/api/restructurings?unit=xa-rn-1")).Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(listed.EnumerateArray());
        Assert.Equal((id, "rename", "2025-07", "NQ 1683", "Đơn vị xa-rn-1"), (item.GetProperty("id").GetString(), item.GetProperty("kind").GetString(),
            item.GetProperty("effectiveMonth").GetString(), item.GetProperty("decision").GetString(), item.GetProperty("previousName").GetString()));
    }

    [Fact]
    public async Task A_split_distributes_last_years_figure_by_share_as_an_estimate()
    {
        await CityWithCommunesAsync("sp", 1);
        await Admin.UnitAsync("phuong-sp-a", "ward", "tp-sp");
        await Admin.UnitAsync("phuong-sp-b", "ward", "tp-sp");
        await Admin.SubmittedAsync("xa-sp-1", "2024-07", (Forest, 100m));
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-sp-1",
            successors = new[] { new { unit = "phuong-sp-a", share = 0.4m }, new { unit = "phuong-sp-b", share = 0.6m } },
        });
        await Admin.SubmittedAsync("phuong-sp-a", "2025-07", (Forest, 50m));

        var row = await Auditor.RowAsync("phuong-sp-a", "2025-07", "month", Forest);

        Assert.Equal((50m, 40m), (row.Number("actual"), row.Number("samePeriodLastYear")));
        Assert.True(row.GetProperty("estimated").GetBoolean());
        Assert.Equal(100m, (await Auditor.RowAsync("tp-sp", "2024-07", "month", Forest)).Number("actual"));
        var late = await ProblemAssert.IsProblemAsync(await Admin.SaveDraftAsync("xa-sp-1", "2025-07", (Forest, 1m)), HttpStatusCode.Conflict, "unit-merged");
        Assert.Equal(["phuong-sp-a", "phuong-sp-b"], late.GetProperty("successors").EnumerateArray().Select(s => s.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_restructuring_that_would_loop_the_lineage_is_a_400_and_changes_nothing()
    {
        await CityWithCommunesAsync("lp", 1);
        await Admin.UnitAsync("phuong-lp", "ward", "tp-lp");
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-lp-1" }, successor = "phuong-lp" });
        var events = await factory.EventCountAsync();

        // The ward carries the commune's history: the commune cannot then take over the ward's.
        var loop = await Admin.RestructureAsync(new { kind = "merge", effectiveMonth = "2025-08", decision = "NQ 1683", predecessors = new[] { "phuong-lp" }, successor = "xa-lp-1" });
        var below = await Admin.RestructureAsync(new { kind = "merge", effectiveMonth = "2025-08", decision = "NQ 1683", predecessors = new[] { "phuong-lp" }, successor = "tp-lp" });

        Assert.True((await ProblemAssert.IsProblemAsync(loop, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("successor", out _));
        Assert.True((await ProblemAssert.IsProblemAsync(below, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("successor", out _));
        Assert.Equal(events, await factory.EventCountAsync());
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"kind":"annex","effectiveMonth":"2025-07","decision":"NQ","unit":"xa-v-1"}""", "kind" },
        { """{"kind":"dissolve","decision":"NQ","unit":"xa-v-1"}""", "effectiveMonth" },
        { """{"kind":"dissolve","effectiveMonth":"2025-13","decision":"NQ","unit":"xa-v-1"}""", "effectiveMonth" },
        { """{"kind":"dissolve","effectiveMonth":"1999-07","decision":"NQ","unit":"xa-v-1"}""", "effectiveMonth" },
        { """{"kind":"dissolve","effectiveMonth":"2025-07","unit":"xa-v-1"}""", "decision" },
        { """{"kind":"merge","effectiveMonth":"2025-07","decision":"NQ","predecessors":["xa-v-1","xa-v-2"],"successor":"xa-v-2"}""", "successor" },
        { """{"kind":"merge","effectiveMonth":"2025-07","decision":"NQ","predecessors":["xa-v-1","xa-khong-co"],"successor":"xa-v-2"}""", "predecessors" },
        { """{"kind":"merge","effectiveMonth":"2025-07","decision":"NQ","predecessors":["xa-v-1"],"successor":"tp-v"}""", "successor" },
        { """{"kind":"merge","effectiveMonth":"2025-07","decision":"NQ","predecessors":["xa-v-1"]}""", "successor" },
        { """{"kind":"split","effectiveMonth":"2025-07","decision":"NQ","predecessor":"xa-v-1","successors":[{"unit":"xa-v-2","share":0.5},{"unit":"tp-v2","share":0.4}]}""", "successors" },
        { """{"kind":"move","effectiveMonth":"2025-07","decision":"NQ","unit":"tp-v"}""", "parentId" },
        { """{"kind":"move","effectiveMonth":"2025-07","decision":"NQ","unit":"tp-v","parentId":"xa-v-1"}""", "parentId" },
        { """{"kind":"rename","effectiveMonth":"2025-07","decision":"NQ","unit":"xa-v-1"}""", "name" },
        { """{"kind":"dissolve","effectiveMonth":"2025-07","decision":"NQ","unit":"Not A Slug"}""", "unit" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_restructuring_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        await CityWithCommunesAsync("v", 2);
        await Admin.UnitAsync("tp-v2", "city", null);
        var events = await factory.EventCountAsync();

        var response = await Admin.PostAsync("/api/restructurings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        Assert.Equal(events, await factory.EventCountAsync());
    }

    [Fact]
    public async Task A_unit_is_merged_only_once_and_not_before_its_last_approved_report_without_a_reason()
    {
        await CityWithCommunesAsync("tw", 2);
        await Admin.UnitAsync("phuong-tw", "ward", "tp-tw");
        await Admin.SubmittedAsync("xa-tw-2", "2025-08", (Forest, 1m));
        var approve = await factory.ClientFor("approver-tw", [Roles.Admin]).ApproveAsync("xa-tw-2", "2025-08");
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-tw-1" }, successor = "phuong-tw" });

        var twice = await Admin.RestructureAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-tw-1" }, successor = "phuong-tw" });
        Assert.True((await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("predecessors", out _));
        var early = await Admin.RestructureAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-tw-2" }, successor = "phuong-tw" });
        Assert.True((await ProblemAssert.IsProblemAsync(early, HttpStatusCode.BadRequest, "validation")).GetProperty("errors").TryGetProperty("effectiveMonth", out _));
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", reason = "Hiệu lực từ 1/7/2025 theo nghị quyết", predecessors = new[] { "xa-tw-2" }, successor = "phuong-tw" });
    }

    [Fact]
    public async Task A_reverted_merge_lets_the_predecessor_file_again_and_stays_on_record()
    {
        await CityWithCommunesAsync("rv", 1);
        await Admin.UnitAsync("phuong-rv", "ward", "tp-rv");
        var id = await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-rv-1" }, successor = "phuong-rv" });
        await ProblemAssert.IsProblemAsync(await Admin.SaveDraftAsync("xa-rv-1", "2025-08", (Forest, 1m)), HttpStatusCode.Conflict, "unit-merged");

        await ProblemAssert.IsProblemAsync(await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "" }), HttpStatusCode.BadRequest, "validation");
        var reverted = await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "Nhầm quyết định" });
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        Assert.True((await reverted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reverted").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await Admin.SaveDraftAsync("xa-rv-1", "2025-08", (Forest, 1m))).StatusCode);
        await ProblemAssert.IsProblemAsync(await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "Lần nữa" }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await Admin.PostAsJsonAsync("/api/restructurings/rs-khong-co/revert", new { reason = "?" }), HttpStatusCode.NotFound, "restructuring-not-found");
    }

    [Fact]
    public async Task Only_planners_and_admins_restructure_and_readers_see_only_their_units()
    {
        await CityWithCommunesAsync("au", 1);
        await Admin.UnitAsync("tp-au2", "city", null);
        var body = new { kind = "dissolve", effectiveMonth = "2025-07", decision = "NQ 1683", unit = "xa-au-1" };
        var events = await factory.EventCountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Reporter, "xa-au-1").RestructureAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Approver, "tp-au").RestructureAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Auditor.RestructureAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).RestructureAsync(body)).StatusCode);
        Assert.Equal(events, await factory.EventCountAsync());
        await Planner.RecordedAsync(body);

        var reporter = factory.ClientAs(Roles.Reporter, "tp-au");
        Assert.Single((await (await reporter.GetAsync("/api/restructurings?unit=xa-au-1")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Reporter, "tp-au2").GetAsync("/api/restructurings?unit=xa-au-1")).StatusCode);
        Assert.DoesNotContain((await (await factory.ClientAs(Roles.Reporter, "tp-au2").GetAsync("/api/restructurings")).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(),
            r => r.GetProperty("unit").GetString() == "xa-au-1");
    }
}
