using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Web;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// The unit tree (<c>/don-vi</c>) after restructurings, clock on 1 September 2025: a merged, split
/// or dissolved unit stays in the tree but says so, since when, under which decision, and links
/// its successors; a successor names whom it carries on; a reverted decision leaves no mark.
/// </summary>
public sealed partial class UnitTreePageTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task<IDocument> TreeAsync() => (await factory.PageClientAs(Roles.Planner).PageAsync("/don-vi")).Document;

    private static IElement Item(IDocument tree, string unit) => tree.GetElementById($"don-vi-{unit}")
        ?? throw new Xunit.Sdk.XunitException($"no item for {unit}");

    /// <summary>The unit's own note (not a child's), its words with the page's line breaks closed up.</summary>
    private static string? Note(IElement item) =>
        item.Children.SingleOrDefault(c => c.ClassList.Contains("unit-restructuring")) is { } note ? Spaces().Replace(note.TextContent, " ").Trim() : null;

    private static List<(string?, string)> Links(IElement item) =>
        item.Children.Single(c => c.ClassList.Contains("unit-restructuring")).QuerySelectorAll("a")
            .Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [Fact]
    public async Task A_merged_commune_says_since_when_and_links_its_successor_which_names_its_predecessors()
    {
        await Admin.UnitAsync("tp-cay", "city", null);
        await Admin.UnitAsync("xa-cay-1", "commune", "tp-cay");
        await Admin.UnitAsync("xa-cay-2", "commune", "tp-cay");
        await Admin.UnitAsync("phuong-cay", "ward", "tp-cay");
        await Admin.UnitAsync("xa-cay-yen", "commune", "tp-cay");
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15", predecessors = new[] { "xa-cay-1", "xa-cay-2" }, successor = "phuong-cay" });

        var tree = await TreeAsync();

        var merged = Item(tree, "xa-cay-1");
        Assert.Equal("đã sắp xếp lại từ tháng 7/2025 theo Nghị quyết 1683/NQ-UBTVQH15; đơn vị kế thừa: Đơn vị phuong-cay", Note(merged));
        Assert.Equal([("#don-vi-phuong-cay", "Đơn vị phuong-cay")], Links(merged));
        Assert.Contains("retired", merged.ClassList);
        // Its months stay reachable: the tree still links its reports.
        Assert.Contains(merged.QuerySelectorAll(".unit-links a"), a => a.GetAttribute("href") == "/bao-cao/xa-cay-1");

        var ward = Item(tree, "phuong-cay");
        Assert.Equal("kế thừa từ tháng 7/2025: Đơn vị xa-cay-1, Đơn vị xa-cay-2", Note(ward));
        Assert.Equal([("#don-vi-xa-cay-1", "Đơn vị xa-cay-1"), ("#don-vi-xa-cay-2", "Đơn vị xa-cay-2")], Links(ward));
        Assert.DoesNotContain("retired", ward.ClassList);
        Assert.Null(Note(Item(tree, "xa-cay-yen")));
        Assert.Null(Note(Item(tree, "tp-cay")));
    }

    [Fact]
    public async Task A_split_names_every_successor_a_dissolution_none_and_a_decision_not_yet_in_effect_says_it_will()
    {
        await Admin.UnitAsync("tp-cs", "city", null);
        await Admin.UnitAsync("xa-cs-1", "commune", "tp-cs");
        await Admin.UnitAsync("phuong-cs-a", "ward", "tp-cs");
        await Admin.UnitAsync("phuong-cs-b", "ward", "tp-cs");
        await Admin.UnitAsync("xa-cs-giai-the", "commune", "tp-cs");
        await Admin.UnitAsync("xa-cs-sap-toi", "commune", "tp-cs");
        await Admin.UnitAsync("phuong-cs-moi", "ward", "tp-cs");
        await Admin.RecordedAsync(new
        {
            kind = "split", effectiveMonth = "2025-07", decision = "NQ 1683", predecessor = "xa-cs-1",
            successors = new[] { new { unit = "phuong-cs-a", share = 0.4m }, new { unit = "phuong-cs-b", share = 0.6m } },
        });
        await Admin.RecordedAsync(new { kind = "dissolve", effectiveMonth = "2025-08", decision = "Luật 72/2025/QH15", unit = "xa-cs-giai-the" });
        await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-12", decision = "NQ 1700", predecessors = new[] { "xa-cs-sap-toi" }, successor = "phuong-cs-moi" });

        var tree = await TreeAsync();

        Assert.Equal(["#don-vi-phuong-cs-a", "#don-vi-phuong-cs-b"], Links(Item(tree, "xa-cs-1")).Select(l => l.Item1));
        var dissolved = Item(tree, "xa-cs-giai-the");
        Assert.Equal("đã giải thể từ tháng 8/2025 theo Luật 72/2025/QH15", Note(dissolved));
        Assert.Empty(Links(dissolved));
        Assert.Contains("retired", dissolved.ClassList);
        // Recorded ahead of its month: the commune still reports until December, and the tree says so.
        var coming = Item(tree, "xa-cs-sap-toi");
        Assert.Equal("sẽ sắp xếp lại từ tháng 12/2025 theo NQ 1700; đơn vị kế thừa: Đơn vị phuong-cs-moi", Note(coming));
        Assert.DoesNotContain("retired", coming.ClassList);
    }

    [Fact]
    public async Task A_reverted_merge_leaves_no_mark()
    {
        await Admin.UnitAsync("tp-crv", "city", null);
        await Admin.UnitAsync("xa-crv-1", "commune", "tp-crv");
        await Admin.UnitAsync("phuong-crv", "ward", "tp-crv");
        var id = await Admin.RecordedAsync(new { kind = "merge", effectiveMonth = "2025-07", decision = "NQ 1683", predecessors = new[] { "xa-crv-1" }, successor = "phuong-crv" });
        var reverted = await Admin.PostAsJsonAsync($"/api/restructurings/{id}/revert", new { reason = "Nhầm quyết định" });
        Assert.True(reverted.IsSuccessStatusCode, await reverted.Content.ReadAsStringAsync());

        var tree = await TreeAsync();

        Assert.Null(Note(Item(tree, "xa-crv-1")));
        Assert.Null(Note(Item(tree, "phuong-crv")));
        Assert.DoesNotContain("retired", Item(tree, "xa-crv-1").ClassList);
    }
}
