using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

public class PerformanceRulesTests
{
    [Fact]
    public void Forest_planted_is_113_percent_of_plan() =>
        Assert.Equal(113.01m, PerformanceRules.PercentOf(175.158m, 155m));

    [Fact]
    public void Percent_needs_a_non_zero_target()
    {
        Assert.Null(PerformanceRules.PercentOf(10m, 0m));
        Assert.Null(PerformanceRules.PercentOf(10m, null));
        Assert.Null(PerformanceRules.PercentOf(null, 10m));
    }

    [Fact]
    public void Change_against_last_year_is_growth_in_percent()
    {
        Assert.Equal(9.34m, PerformanceRules.ChangePercent(175.158m, 160.2m));
        Assert.Equal(-1.62m, PerformanceRules.ChangePercent(40831m, 41504m));
        Assert.Null(PerformanceRules.ChangePercent(5m, 0m));
    }

    [Fact]
    public void Seeds_forest_figure_has_achieved_its_plan() =>
        Assert.Equal(PerformanceStatus.Achieved, PerformanceRules.StatusOf(Direction.HigherIsBetter, 175.158m, 155m, PerformanceRules.ExpectedToDate(Agg.Sum, 155m, 8)));

    [Fact]
    public void A_flow_ahead_of_its_pro_rata_share_is_on_track()
    {
        var expected = PerformanceRules.ExpectedToDate(Agg.Sum, 120m, 8);
        Assert.Equal(80m, expected);
        Assert.Equal(PerformanceStatus.OnTrack, PerformanceRules.StatusOf(Direction.HigherIsBetter, 85m, 120m, expected));
        Assert.Equal(PerformanceStatus.Behind, PerformanceRules.StatusOf(Direction.HigherIsBetter, 79m, 120m, expected));
    }

    [Fact]
    public void Levels_and_rates_are_not_pro_rated() =>
        Assert.Equal(300m, PerformanceRules.ExpectedToDate(Agg.PerDay, 300m, 3));

    [Fact]
    public void Lower_is_better_mirrors_the_rule()
    {
        Assert.Equal(PerformanceStatus.Achieved, PerformanceRules.StatusOf(Direction.LowerIsBetter, 1.35m, 1.5m, null));
        Assert.Equal(PerformanceStatus.OnTrack, PerformanceRules.StatusOf(Direction.LowerIsBetter, 1.6m, 1.5m, 1.7m));
        Assert.Equal(PerformanceStatus.Behind, PerformanceRules.StatusOf(Direction.LowerIsBetter, 1.8m, 1.5m, 1.7m));
    }

    [Fact]
    public void Without_a_target_there_is_no_status_and_without_a_figure_it_is_behind()
    {
        Assert.Equal(PerformanceStatus.NoTarget, PerformanceRules.StatusOf(Direction.HigherIsBetter, 5m, null, null));
        Assert.Equal(PerformanceStatus.Behind, PerformanceRules.StatusOf(Direction.HigherIsBetter, null, 5m, 1m));
    }

    [Fact]
    public void Statuses_have_api_names() =>
        Assert.Equal(["achieved", "on-track", "behind", "no-target"], Enum.GetValues<PerformanceStatus>().Select(s => s.ToApiString()));
}
