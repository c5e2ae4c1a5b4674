using GovReport.Domain.Aggregation;

namespace GovReport.Domain.Tests.Aggregation;

/// <summary>The overflow marker keeps its sign through arithmetic: a too-large loss must not read as a too-large gain.</summary>
public class SaturatingTests
{
    private const decimal Max = decimal.MaxValue;
    private const decimal Min = decimal.MinValue;

    [Fact]
    public void Given_sums_past_either_end_when_added_then_they_stop_at_that_end()
    {
        Assert.Equal(Max, Saturating.Add(Max - 1m, Max - 1m));
        Assert.Equal(Min, Saturating.Add(Min + 1m, Min + 1m));
    }

    [Fact]
    public void Given_the_marker_times_a_negative_when_multiplied_then_its_sign_flips()
    {
        Assert.Equal(Min, Saturating.Multiply(Max, -2m));
        Assert.Equal(Min, Saturating.Multiply(-3m, Max));
        Assert.Equal(Max, Saturating.Multiply(3m, Max));
    }

    [Fact]
    public void Given_products_past_either_end_when_multiplied_then_the_signs_decide_the_end()
    {
        Assert.Equal(Max, Saturating.Multiply(1e20m, 1e20m));
        Assert.Equal(Max, Saturating.Multiply(-1e20m, -1e20m));
        Assert.Equal(Min, Saturating.Multiply(-1e20m, 1e20m));
    }

    [Fact]
    public void Given_quotients_of_the_marker_or_past_either_end_when_divided_then_the_signs_decide_the_end()
    {
        Assert.Equal(Min, Saturating.Divide(Max, -2m));
        Assert.Equal(Max, Saturating.Divide(Max, 2m));
        Assert.Equal(Max, Saturating.Divide(1e20m, 1e-20m));
        Assert.Equal(Min, Saturating.Divide(-1e20m, 1e-20m));
    }

    [Fact]
    public void Given_an_ordinary_figure_when_shown_then_it_is_itself_and_only_the_marker_is_hidden()
    {
        Assert.Equal(175.158m, Saturating.Shown(175.158m));
        Assert.Null(Saturating.Shown(Max));
        Assert.Null(Saturating.Shown(null));
    }
}
