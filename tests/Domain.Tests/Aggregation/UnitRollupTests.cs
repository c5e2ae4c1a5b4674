using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

public class UnitRollupTests
{
    private static readonly UnitId District = UnitId.Parse("huyen-a");
    private static readonly UnitId CommuneA = UnitId.Parse("xa-a");
    private static readonly UnitId CommuneB = UnitId.Parse("xa-b");
    private static readonly UnitId Hamlet = UnitId.Parse("thon-b1");

    private static IEnumerable<UnitId> Children(UnitId unit) =>
        unit == District ? [CommuneA, CommuneB] : unit == CommuneB ? [Hamlet] : [];

    private static Func<UnitId, decimal?> Reported(params (UnitId Unit, decimal Value)[] values) =>
        unit => values.Where(v => v.Unit == unit).Select(v => (decimal?)v.Value).FirstOrDefault();

    [Fact]
    public void A_units_own_figure_wins_over_its_childrens() =>
        Assert.Equal(500m, UnitRollup.FigureFor(District, Agg.Sum, Reported((District, 500m), (CommuneA, 200m), (CommuneB, 250m)), Children));

    [Fact]
    public void Without_its_own_figure_a_unit_adds_up_its_children() =>
        Assert.Equal(450m, UnitRollup.FigureFor(District, Agg.Sum, Reported((CommuneA, 200m), (CommuneB, 250m), (Hamlet, 99m)), Children));

    [Fact]
    public void The_walk_goes_down_to_where_figures_were_reported() =>
        Assert.Equal(299m, UnitRollup.FigureFor(District, Agg.Last, Reported((CommuneA, 200m), (Hamlet, 99m)), Children));

    [Fact]
    public void Averages_are_averaged_across_units() =>
        Assert.Equal(47m, UnitRollup.FigureFor(District, Agg.Average, Reported((CommuneA, 46m), (CommuneB, 48m)), Children));

    [Fact]
    public void Daily_rates_add_up_across_units() =>
        Assert.Equal(300m, UnitRollup.FigureFor(District, Agg.PerDay, Reported((CommuneA, 120m), (CommuneB, 180m)), Children));

    [Fact]
    public void No_figure_anywhere_is_no_figure() =>
        Assert.Null(UnitRollup.FigureFor(District, Agg.Sum, Reported(), Children));

    [Fact]
    public void A_loop_in_the_tree_ends_the_walk() =>
        Assert.Equal(5m, UnitRollup.FigureFor(CommuneA, Agg.Sum, Reported((CommuneB, 5m)), u => u == CommuneA ? [CommuneB, CommuneA] : []));

    [Fact]
    public void The_single_level_form_never_counts_twice()
    {
        Assert.Equal(10m, UnitRollup.FigureFor(10m, Agg.Sum, [4m, 5m]));
        Assert.Equal(9m, UnitRollup.FigureFor(null, Agg.Sum, [4m, null, 5m]));
        Assert.Null(UnitRollup.FigureFor(null, Agg.Sum, [null]));
    }
}
