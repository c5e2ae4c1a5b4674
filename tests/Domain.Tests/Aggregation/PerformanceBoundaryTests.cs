using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Tests.Aggregation;

/// <summary>The edges of the comparison rules, where a figure meets its goal exactly or no number is left to compare.</summary>
public class PerformanceBoundaryTests
{
    [Fact]
    public void Given_forest_planted_equal_to_its_plan_when_compared_then_it_is_achieved_not_merely_on_track() =>
        Assert.Equal(PerformanceStatus.Achieved, PerformanceRules.StatusOf(Direction.HigherIsBetter, 155m, 155m, 103.33m));

    [Fact]
    public void Given_a_poverty_rate_equal_to_its_ceiling_when_compared_then_it_is_achieved() =>
        Assert.Equal(PerformanceStatus.Achieved, PerformanceRules.StatusOf(Direction.LowerIsBetter, 5m, 5m, 5m));

    [Fact]
    public void Given_a_figure_equal_to_what_is_due_so_far_when_compared_then_it_is_on_track()
    {
        Assert.Equal(PerformanceStatus.OnTrack, PerformanceRules.StatusOf(Direction.HigherIsBetter, 103.33m, 155m, 103.33m));
        Assert.Equal(PerformanceStatus.OnTrack, PerformanceRules.StatusOf(Direction.LowerIsBetter, 6m, 5m, 6m));
    }

    [Fact]
    public void Given_the_seeds_forest_figures_when_compared_then_175_158_ha_of_155_ha_is_113_01_percent() =>
        Assert.Equal(113.01m, PerformanceRules.PercentOf(175.158m, 155m));

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Given_either_side_too_large_to_hold_when_a_percentage_is_asked_then_there_is_none(bool actualOverflows, bool targetOverflows) =>
        Assert.Null(PerformanceRules.PercentOf(actualOverflows ? decimal.MaxValue : 175.158m, targetOverflows ? decimal.MaxValue : 155m));
}
