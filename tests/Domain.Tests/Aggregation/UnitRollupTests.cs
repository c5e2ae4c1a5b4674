using GovReport.Domain.Aggregation;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

/// <summary>The rule the live roll-up, a rebuild and an "as of" answer all call (through Projections' Rollup).</summary>
public class UnitRollupTests
{
    private static ChildFigures Children(params decimal[] values)
    {
        var children = new ChildFigures();
        foreach (var value in values) children.Add(value);
        return children;
    }

    [Fact]
    public void A_units_own_figure_wins_over_its_childrens() =>
        Assert.Equal(500m, UnitRollup.FigureFor(500m, Agg.Sum, Children(200m, 250m)));

    [Fact]
    public void Without_its_own_figure_a_unit_adds_up_its_children() =>
        Assert.Equal(450m, UnitRollup.FigureFor(null, Agg.Sum, Children(200m, 250m)));

    [Fact]
    public void Levels_add_up_across_units() =>
        Assert.Equal(299m, UnitRollup.FigureFor(null, Agg.Last, Children(200m, 99m)));

    [Fact]
    public void Averages_are_averaged_across_units() =>
        Assert.Equal(47m, UnitRollup.FigureFor(null, Agg.Average, Children(46m, 48m)));

    [Fact]
    public void Daily_rates_add_up_across_units() =>
        Assert.Equal(300m, UnitRollup.FigureFor(null, Agg.PerDay, Children(120m, 180m)));

    [Fact]
    public void No_figure_anywhere_is_no_figure()
    {
        Assert.Null(UnitRollup.FigureFor(null, Agg.Sum, Children()));
        Assert.Null(UnitRollup.FigureFor(null, Agg.Average, Children()));
    }

    [Fact]
    public void A_reported_zero_is_a_figure_and_still_wins() =>
        Assert.Equal(0m, UnitRollup.FigureFor(0m, Agg.Sum, Children(4m, 5m)));

    [Fact]
    public void Across_units_is_the_rule_without_an_own_figure() =>
        Assert.Equal(UnitRollup.FigureFor(null, Agg.Average, Children(4m, 5m)), UnitRollup.AcrossUnits(Agg.Average, [4m, 5m]));
}
