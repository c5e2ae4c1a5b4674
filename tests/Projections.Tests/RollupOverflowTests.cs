using GovReport.Domain.Aggregation;
using GovReport.Domain.Periods;
using GovReport.Projections.Figures;
using GovReport.Projections.Queries.Performance;
using GovReport.Domain.Catalogue;

namespace GovReport.Projections.Tests;

/// <summary>The roll-up and the comparison over the largest decimals: what threw OverflowException on every daemon retry.</summary>
public class RollupOverflowTests
{
    private static readonly Dictionary<string, string> Aggregations = new() { ["forest-planted"] = "sum", ["patients"] = "per-day" };

    [Fact]
    public void Given_children_holding_the_largest_decimal_when_rolled_up_then_the_parent_saturates_instead_of_throwing()
    {
        var children = new[]
        {
            new Dictionary<string, decimal> { ["forest-planted"] = decimal.MaxValue, ["patients"] = 5e28m },
            new Dictionary<string, decimal> { ["forest-planted"] = 1m, ["patients"] = 5e28m },
        };
        var rolled = Rollup.Effective(null, children, Aggregations);
        Assert.Equal(decimal.MaxValue, rolled["forest-planted"]);
        Assert.Equal(decimal.MaxValue, rolled["patients"]);
    }

    [Fact]
    public void Given_a_saturated_figure_when_compared_then_the_row_has_no_actual_and_says_overflow()
    {
        var indicator = new Indicator(new IndicatorCode("forest-planted"), "Trồng rừng", "ha", Aggregation.Sum, Direction.HigherIsBetter, null);
        var figures = new Dictionary<(string, Month), decimal>
        {
            [("forest-planted", new Month(2022, 7))] = decimal.MaxValue,
            [("forest-planted", new Month(2022, 8))] = 5m,
            [("forest-planted", new Month(2021, 8))] = 7e27m,
        };
        var row = Assert.Single(PerformanceCalculator.Rows([indicator], figures, null, new Month(2022, 8), PerformanceView.Ytd));
        Assert.Null(row.Actual);
        Assert.Null(row.ChangePercent);
        Assert.True(row.Overflow);
        Assert.Equal(7e27m, row.SamePeriodLastYear);
    }
}
