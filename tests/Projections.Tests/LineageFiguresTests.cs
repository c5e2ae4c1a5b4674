using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Projections.Queries.Performance;

namespace GovReport.Projections.Tests;

/// <summary>
/// A successor's figures through two generations (a split, then a merge), combined by the
/// domain's rules: each month from the sources of that month, a split's share estimated, a plain
/// average of several units withheld as not comparable, the successor's own months its own.
/// </summary>
public sealed class LineageFiguresTests
{
    private static readonly Indicator Planted = new(IndicatorCode.Parse("forest-planted"), "Trồng rừng", "ha", Aggregation.Sum, Direction.HigherIsBetter, null);
    private static readonly Indicator Attendance = new(IndicatorCode.Parse("school-attendance"), "Chuyên cần", "%", Aggregation.Average, Direction.HigherIsBetter, null);

    [Fact]
    public void Each_month_combines_the_sources_of_that_month_by_the_domains_rules()
    {
        var split = new Restructuring("rs-split", RestructuringKind.Split, new Month(2024, 7), "NQ 1", null,
            [UnitId.Parse("xa-cu")], [new SuccessorShare(UnitId.Parse("xa-bac"), 0.4m), new SuccessorShare(UnitId.Parse("xa-nam"), 0.6m)]);
        var merge = new Restructuring("rs-merge", RestructuringKind.Merge, new Month(2025, 7), "NQ 2", null,
            [UnitId.Parse("xa-bac"), UnitId.Parse("xa-dong")], [new SuccessorShare(UnitId.Parse("phuong-moi"), 1m)]);
        var (early, late, own) = (new Month(2024, 3), new Month(2025, 3), new Month(2025, 8));
        var figures = new Dictionary<string, IReadOnlyDictionary<(string, Month), decimal>>
        {
            ["xa-cu"] = new Dictionary<(string, Month), decimal> { [("forest-planted", early)] = 10m, [("school-attendance", early)] = 90m },
            ["xa-bac"] = new Dictionary<(string, Month), decimal> { [("forest-planted", late)] = 3m, [("school-attendance", late)] = 80m },
            ["xa-dong"] = new Dictionary<(string, Month), decimal>
            {
                [("forest-planted", early)] = 1m, [("forest-planted", late)] = 2m, [("school-attendance", late)] = 70m,
            },
            ["phuong-moi"] = new Dictionary<(string, Month), decimal> { [("forest-planted", own)] = 7m, [("school-attendance", own)] = 95m },
        };

        var (combined, notes) = LineageFigures.Combine("phuong-moi", [Planted, Attendance], [early, late, own, late],
            new Lineage([split, merge]), figures);

        Assert.Equal(10m * 0.4m + 1m, combined[("forest-planted", early)]);
        Assert.Equal(new FigureNote(true, false), notes[("forest-planted", early)]);
        Assert.Equal(90m, combined[("school-attendance", early)]);
        Assert.Equal(new FigureNote(true, false), notes[("school-attendance", early)]);
        Assert.Equal(5m, combined[("forest-planted", late)]);
        Assert.False(notes.ContainsKey(("forest-planted", late)));
        Assert.False(combined.ContainsKey(("school-attendance", late)));
        Assert.Equal(new FigureNote(false, true), notes[("school-attendance", late)]);
        Assert.Equal((7m, 95m), (combined[("forest-planted", own)], combined[("school-attendance", own)]));
        Assert.Equal(5, combined.Count);
        Assert.Equal(3, notes.Count);
    }
}
