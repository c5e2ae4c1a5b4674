using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Targets;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Restructurings;

public class LineageTests
{
    private static readonly UnitId A = UnitId.Parse("xa-nong-thuong");
    private static readonly UnitId B = UnitId.Parse("xa-duong-quang");
    private static readonly UnitId Ward = UnitId.Parse("phuong-bac-kan");
    private static readonly Month July = new(2025, 7);

    private static readonly Restructuring Merge =
        new("rs-1", RestructuringKind.Merge, July, "NQ", null, [A, B], [new SuccessorShare(Ward, 1m)]);

    [Fact]
    public void Before_the_merge_a_successors_figure_is_its_own_and_its_predecessors()
    {
        var lineage = new Lineage([Merge]);

        Assert.Equal(["phuong-bac-kan", "xa-nong-thuong", "xa-duong-quang"], lineage.SourcesOf("phuong-bac-kan", new Month(2024, 7)).Select(s => s.Unit));
        Assert.All(lineage.SourcesOf("phuong-bac-kan", new Month(2025, 6)), s => Assert.Equal((1m, false), (s.Share, s.Estimated)));
        Assert.Equal(["phuong-bac-kan"], lineage.SourcesOf("phuong-bac-kan", July).Select(s => s.Unit));
    }

    [Fact]
    public void A_predecessor_exists_until_the_month_before_the_merge()
    {
        var lineage = new Lineage([Merge]);

        Assert.Null(lineage.RetiredBy("xa-nong-thuong", new Month(2025, 6)));
        Assert.Same(Merge, lineage.RetiredBy("xa-nong-thuong", July));
        Assert.Null(lineage.RetiredBy("phuong-bac-kan", July));
    }

    [Fact]
    public void A_split_distributes_by_share_and_marks_the_figure_estimated()
    {
        var split = new Restructuring("rs-2", RestructuringKind.Split, July, "NQ", null, [A], [new SuccessorShare(B, 0.4m), new SuccessorShare(Ward, 0.6m)]);
        var source = new Lineage([split]).SourcesOf("phuong-bac-kan", new Month(2025, 1)).Single(s => s.Unit == "xa-nong-thuong");

        Assert.Equal((0.6m, true), (source.Share, source.Estimated));
    }

    [Fact]
    public void A_history_goes_back_through_earlier_merges()
    {
        var earlier = new Restructuring("rs-0", RestructuringKind.Merge, new Month(2020, 1), "QĐ", null, [UnitId.Parse("xa-cu")], [new SuccessorShare(A, 1m)]);
        var lineage = new Lineage([earlier, Merge]);

        Assert.Contains("xa-cu", lineage.SourcesOf("phuong-bac-kan", new Month(2019, 12)).Select(s => s.Unit));
        Assert.DoesNotContain("xa-cu", lineage.SourcesOf("phuong-bac-kan", new Month(2021, 12)).Select(s => s.Unit));
    }

    [Fact]
    public void A_moved_unit_sits_under_its_old_parent_before_the_move()
    {
        var move = new Restructuring("rs-3", RestructuringKind.Move, July, "NQ", null, [A], [], ParentId: UnitId.Parse("thai-nguyen"), PreviousParentId: UnitId.Parse("tp-bac-kan"));
        var lineage = new Lineage([move]);

        Assert.Equal("tp-bac-kan", lineage.ParentAt("xa-nong-thuong", new Month(2025, 6), "thai-nguyen"));
        Assert.Equal("thai-nguyen", lineage.ParentAt("xa-nong-thuong", July, "thai-nguyen"));
        Assert.Equal([July], lineage.Boundaries);
    }

    [Fact]
    public void Sums_and_daily_rates_add_across_predecessors()
    {
        var sources = new Lineage([Merge]).SourcesOf("phuong-bac-kan", new Month(2024, 7));
        var parts = new List<(decimal, LineageSource)> { (10m, sources[1]), (5.5m, sources[2]) };

        Assert.Equal(new CombinedFigure(15.5m, false, true), FigureCombination.Combine(Agg.Sum, parts));
        Assert.Equal(new CombinedFigure(15.5m, false, true), FigureCombination.Combine(Agg.PerDay, parts));
        Assert.Equal(new CombinedFigure(15.5m, false, true), FigureCombination.Combine(Agg.Last, parts));
    }

    [Fact]
    public void An_average_of_several_predecessors_without_a_weight_is_not_comparable()
    {
        var sources = new Lineage([Merge]).SourcesOf("phuong-bac-kan", new Month(2024, 7));

        var combined = FigureCombination.Combine(Agg.Average, [(80m, sources[1]), (90m, sources[2])]);

        Assert.Equal(new CombinedFigure(null, false, false), combined);
        Assert.Equal(new CombinedFigure(80m, false, true), FigureCombination.Combine(Agg.Average, [(80m, sources[1])]));
    }

    [Fact]
    public void A_split_share_of_a_flow_is_an_estimate()
    {
        var combined = FigureCombination.Combine(Agg.Sum, [(100m, new LineageSource("xa-nong-thuong", 0.25m, true))]);

        Assert.Equal(new CombinedFigure(25m, true, true), combined);
    }

    [Fact]
    public void A_successors_derived_plan_adds_its_predecessors_targets()
    {
        var forest = IndicatorCode.Parse("forest-planted");
        var score = IndicatorCode.Parse("satisfaction-score");
        var aggregations = new Dictionary<IndicatorCode, Agg> { [forest] = Agg.Sum, [score] = Agg.Average };

        var lines = DerivedTargets.Combine(
            [([new TargetLine(forest, 100m), new TargetLine(score, 80m)], 1m), ([new TargetLine(forest, 55m), new TargetLine(score, 90m)], 1m)],
            aggregations);

        var line = Assert.Single(lines); // an average of two plans is no plan
        Assert.Equal((forest, 155m), (line.Indicator, line.Value));
    }
}
