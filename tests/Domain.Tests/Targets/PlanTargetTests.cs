using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Targets;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Targets;

public class PlanTargetTests
{
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    private static readonly Month August = new(2022, 8);

    [Fact]
    public void Without_phasing_every_view_is_held_to_the_annual_value()
    {
        var line = new TargetLine(Forest, 155m);
        foreach (var view in PerformanceViews.All) Assert.Equal(155m, PlanTarget.For(line, August, view));
        foreach (var view in PerformanceViews.All) Assert.Null(PlanTarget.PhasedToDate(line, August, view));
    }

    [Fact]
    public void With_phasing_the_target_is_the_sum_over_the_views_months()
    {
        var line = new TargetLine(Forest, 78m, [1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m, 11m, 12m]);
        Assert.Equal(8m, PlanTarget.For(line, August, PerformanceView.Month));
        Assert.Equal(24m, PlanTarget.For(line, August, PerformanceView.Quarter));
        Assert.Equal(15m, PlanTarget.For(line, August, PerformanceView.QuarterToDate));
        Assert.Equal(57m, PlanTarget.For(line, August, PerformanceView.Half));
        Assert.Equal(45m, PlanTarget.For(line, August, PerformanceView.NineMonths));
        Assert.Equal(36m, PlanTarget.For(line, August, PerformanceView.Ytd));
        Assert.Equal(78m, PlanTarget.For(line, August, PerformanceView.Year));
        Assert.Equal(36m, PlanTarget.PhasedToDate(line, August, PerformanceView.Ytd));
    }

    [Fact]
    public void With_phasing_on_track_is_judged_against_the_views_months_up_to_the_period()
    {
        var line = new TargetLine(Forest, 78m, [1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m, 10m, 11m, 12m]);
        Assert.Equal(8m, PlanTarget.ExpectedToDate(line, Agg.Sum, August, PerformanceView.Month));
        Assert.Equal(15m, PlanTarget.ExpectedToDate(line, Agg.Sum, August, PerformanceView.Quarter));
        Assert.Equal(36m, PlanTarget.ExpectedToDate(line, Agg.Sum, August, PerformanceView.Year));
        Assert.Equal(45m, PlanTarget.ExpectedToDate(line, Agg.Sum, new Month(2022, 11), PerformanceView.NineMonths));
    }

    [Fact]
    public void Without_phasing_flows_are_expected_pro_rata_and_levels_in_full()
    {
        var line = new TargetLine(Forest, 120m);
        Assert.Equal(80m, PlanTarget.ExpectedToDate(line, Agg.Sum, August, PerformanceView.Ytd));
        Assert.Equal(20m, PlanTarget.ExpectedToDate(line, Agg.Sum, August, PerformanceView.QuarterToDate));
        Assert.Equal(120m, PlanTarget.ExpectedToDate(line, Agg.Average, August, PerformanceView.Ytd));
        Assert.Equal(9, PlanTarget.ElapsedMonths(new Month(2022, 11), PerformanceView.NineMonths));
    }
}
