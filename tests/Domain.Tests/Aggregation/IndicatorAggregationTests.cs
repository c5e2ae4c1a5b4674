using GovReport.Domain.Aggregation;
using GovReport.Domain.Periods;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

public class IndicatorAggregationTests
{
    private static MonthlyFigure F(int year, int month, decimal value) => new(new Month(year, month), value);

    [Fact]
    public void Nothing_reported_is_no_figure()
    {
        foreach (var agg in Enum.GetValues<Agg>()) Assert.Null(IndicatorAggregation.Aggregate(agg, []));
    }

    [Fact]
    public void Sum_adds_the_months() =>
        Assert.Equal(175.158m, IndicatorAggregation.Aggregate(Agg.Sum, [F(2022, 1, 100m), F(2022, 2, 75.158m)]));

    [Fact]
    public void Per_day_weights_each_month_by_its_days()
    {
        var quarter = IndicatorAggregation.Aggregate(Agg.PerDay, [F(2022, 7, 300m), F(2022, 8, 310m), F(2022, 9, 290m)]);
        Assert.Equal((300m * 31 + 310m * 31 + 290m * 30) / 92m, quarter);
        var julyToSeptember = (300m * 31 + 310m * 30 + 290m * 31) / 92m;
        Assert.Equal(julyToSeptember, IndicatorAggregation.Aggregate(Agg.PerDay, [F(2022, 10, 300m), F(2022, 11, 310m), F(2022, 12, 290m)]));
    }

    [Fact]
    public void Per_day_counts_29_days_for_a_leap_february()
    {
        Assert.Equal((100m * 31 + 200m * 29) / 60m, IndicatorAggregation.Aggregate(Agg.PerDay, [F(2024, 1, 100m), F(2024, 2, 200m)]));
        Assert.Equal((100m * 31 + 200m * 28) / 59m, IndicatorAggregation.Aggregate(Agg.PerDay, [F(2023, 1, 100m), F(2023, 2, 200m)]));
    }

    [Fact]
    public void Average_is_the_mean_of_reported_months() =>
        Assert.Equal(48m, IndicatorAggregation.Aggregate(Agg.Average, [F(2022, 1, 47m), F(2022, 3, 49m)]));

    [Fact]
    public void Last_is_the_latest_month_whatever_the_order() =>
        Assert.Equal(33976m, IndicatorAggregation.Aggregate(Agg.Last, [F(2022, 8, 33976m), F(2022, 2, 30000m), F(2021, 12, 40000m)]));
}
