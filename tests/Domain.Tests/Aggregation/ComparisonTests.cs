using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

public class ComparisonTests
{
    [Fact]
    public void Forest_planted_is_113_percent_of_plan() =>
        Assert.Equal(113.01m, Comparison.PercentOf(175.158m, 155m));

    [Fact]
    public void Percent_needs_a_non_zero_target()
    {
        Assert.Null(Comparison.PercentOf(10m, 0m));
        Assert.Null(Comparison.PercentOf(10m, null));
        Assert.Null(Comparison.PercentOf(null, 10m));
    }

    [Fact]
    public void Change_against_last_year_is_growth_in_percent()
    {
        Assert.Equal(9.34m, Comparison.ChangePercent(175.158m, 160.2m));
        Assert.Equal(-1.62m, Comparison.ChangePercent(40831m, 41504m));
        Assert.Null(Comparison.ChangePercent(5m, 0m));
    }

    [Fact]
    public void Seeds_forest_figure_has_achieved_its_plan() =>
        Assert.Equal(ComparisonStatus.Achieved, Comparison.StatusOf(Direction.HigherIsBetter, 175.158m, 155m, Comparison.ExpectedToDate(Agg.Sum, 155m, 8)));

    [Fact]
    public void A_flow_ahead_of_its_pro_rata_share_is_on_track()
    {
        var expected = Comparison.ExpectedToDate(Agg.Sum, 120m, 8);
        Assert.Equal(80m, expected);
        Assert.Equal(ComparisonStatus.OnTrack, Comparison.StatusOf(Direction.HigherIsBetter, 85m, 120m, expected));
        Assert.Equal(ComparisonStatus.Behind, Comparison.StatusOf(Direction.HigherIsBetter, 79m, 120m, expected));
    }

    [Fact]
    public void Levels_and_rates_are_not_pro_rated() =>
        Assert.Equal(300m, Comparison.ExpectedToDate(Agg.PerDay, 300m, 3));

    [Fact]
    public void Lower_is_better_mirrors_the_rule()
    {
        Assert.Equal(ComparisonStatus.Achieved, Comparison.StatusOf(Direction.LowerIsBetter, 1.35m, 1.5m, null));
        Assert.Equal(ComparisonStatus.OnTrack, Comparison.StatusOf(Direction.LowerIsBetter, 1.6m, 1.5m, 1.7m));
        Assert.Equal(ComparisonStatus.Behind, Comparison.StatusOf(Direction.LowerIsBetter, 1.8m, 1.5m, 1.7m));
    }

    [Fact]
    public void Without_a_target_there_is_no_status_and_without_a_figure_it_is_behind()
    {
        Assert.Equal(ComparisonStatus.NoTarget, Comparison.StatusOf(Direction.HigherIsBetter, 5m, null, null));
        Assert.Equal(ComparisonStatus.Behind, Comparison.StatusOf(Direction.HigherIsBetter, null, 5m, 1m));
    }

    [Fact]
    public void Statuses_have_api_names() =>
        Assert.Equal(["achieved", "on-track", "behind", "no-target"], Enum.GetValues<ComparisonStatus>().Select(s => s.ToApiString()));
}
