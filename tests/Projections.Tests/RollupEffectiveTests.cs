using GovReport.Projections.Figures;

namespace GovReport.Projections.Tests;

/// <summary>
/// The one roll-up the live projection, a rebuild and an "as of" answer all call: a unit's own
/// figure where it reported one, otherwise its children's combined — never both (API.md).
/// </summary>
public sealed class RollupEffectiveTests
{
    private static readonly Dictionary<string, string> Aggregations = new()
    {
        ["forest-planted"] = "sum",
        ["patients-per-day"] = "per-day",
        ["hospital-beds-occupied"] = "average",
    };

    private static Dictionary<string, decimal> Figures(params (string Indicator, decimal Value)[] values) =>
        values.ToDictionary(v => v.Indicator, v => v.Value);

    [Fact]
    public void Given_a_city_that_reported_its_own_forest_figure_then_its_communes_are_not_added_to_it()
    {
        var effective = Rollup.Effective(Figures(("forest-planted", 50m)),
            [Figures(("forest-planted", 10m)), Figures(("forest-planted", 20m))], Aggregations);

        Assert.Equal(50m, effective["forest-planted"]);
    }

    [Fact]
    public void Given_a_city_that_reported_one_indicator_then_the_others_come_from_its_communes()
    {
        var effective = Rollup.Effective(Figures(("forest-planted", 50m)),
            [Figures(("patients-per-day", 100m), ("hospital-beds-occupied", 80m)), Figures(("patients-per-day", 200m), ("hospital-beds-occupied", 60m))],
            Aggregations);

        Assert.Equal(50m, effective["forest-planted"]);
        Assert.Equal(300m, effective["patients-per-day"]);
        Assert.Equal(70m, effective["hospital-beds-occupied"]);
        Assert.Equal(3, effective.Count);
    }

    [Fact]
    public void Given_no_figure_anywhere_then_the_city_has_none_not_a_zero()
    {
        Assert.Empty(Rollup.Effective(null, [], Aggregations));
        Assert.Equal(4.25m, Assert.Single(Rollup.Effective(null, [Figures(("forest-planted", 4.25m))], Aggregations)).Value);
    }

    [Fact]
    public void Given_an_indicator_outside_the_catalogue_then_the_childrens_figures_add_up() =>
        Assert.Equal(7m, Rollup.Effective(null, [Figures(("new-indicator", 3m)), Figures(("new-indicator", 4m))], Aggregations)["new-indicator"]);
}
