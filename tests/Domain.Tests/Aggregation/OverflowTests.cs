using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

/// <summary>Figures as large as a decimal holds, as the log may carry from before plausible ranges: no step throws.</summary>
public class OverflowTests
{
    private const decimal Huge = decimal.MaxValue;

    private static MonthlyFigure In(int month, decimal value) => new(new Month(2022, month), value);

    [Theory]
    [InlineData(Agg.Sum)]
    [InlineData(Agg.PerDay)]
    [InlineData(Agg.Average)]
    [InlineData(Agg.Last)]
    public void Given_two_months_of_the_largest_decimal_when_aggregated_then_the_overflow_marker_not_an_exception(Agg aggregation)
    {
        var result = IndicatorAggregation.Aggregate(aggregation, [In(1, Huge), In(2, Huge)]);
        Assert.True(Saturating.IsOverflow(result!.Value));
        Assert.Null(Saturating.Shown(result));
    }

    [Fact]
    public void Given_a_per_day_rate_of_7e27_when_weighted_by_days_then_it_saturates() =>
        Assert.Equal(Huge, IndicatorAggregation.Aggregate(Agg.PerDay, [In(1, 7e27m)]));

    [Fact]
    public void Given_children_whose_sum_overflows_when_rolled_up_then_the_parent_holds_the_marker()
    {
        Assert.Equal(Huge, UnitRollup.AcrossUnits(Agg.Sum, [Huge, 1m]));
        Assert.Equal(decimal.MinValue, UnitRollup.AcrossUnits(Agg.Sum, [decimal.MinValue, -1m]));
        Assert.Equal(Huge, UnitRollup.AcrossUnits(Agg.Average, [Huge, Huge]));
    }

    [Fact]
    public void Given_an_overflowed_figure_when_compared_then_percentages_are_null()
    {
        Assert.Null(PerformanceRules.PercentOf(Huge, 10m));
        Assert.Null(PerformanceRules.PercentOf(7e27m, 0.001m));
        Assert.Null(PerformanceRules.ChangePercent(Huge, 10m));
        Assert.Null(PerformanceRules.ChangePercent(7e27m, -0.001m));
        Assert.Null(PerformanceRules.ChangePercent(1m, Huge));
    }

    [Fact]
    public void Given_a_huge_target_when_prorated_then_it_saturates() =>
        Assert.Equal(Huge, PerformanceRules.ExpectedToDate(Agg.Sum, Huge, 8));

    [Fact]
    public void Given_ordinary_figures_then_nothing_changes()
    {
        Assert.Equal(5m, Saturating.Add(2m, 3m));
        Assert.Equal(-6m, Saturating.Multiply(2m, -3m));
        Assert.Equal(80m, PerformanceRules.ExpectedToDate(Agg.Sum, 120m, 8));
        Assert.False(Saturating.IsOverflow(UnitRollup.AcrossUnits(Agg.Sum, [1e27m, 1e27m])!.Value));
    }

    [Fact]
    public void A_marker_added_to_the_opposite_marker_stays_the_first() =>
        Assert.Equal(Huge, Saturating.Add(Huge, decimal.MinValue));
}
