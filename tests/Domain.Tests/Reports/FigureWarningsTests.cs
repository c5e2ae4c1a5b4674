using Agg = GovReport.Domain.Catalogue.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

namespace GovReport.Domain.Tests.Reports;

public class FigureWarningsTests
{
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    private static readonly IndicatorCode OnTime = IndicatorCode.Parse("dossiers-on-time");
    private static readonly IndicatorCode Resolved = IndicatorCode.Parse("dossiers-resolved");

    private static readonly Dictionary<IndicatorCode, Indicator> Catalogue = new()
    {
        [Forest] = new(Forest, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null),
        [OnTime] = new(OnTime, "Hồ sơ đúng hạn", "hồ sơ", Agg.Last, Direction.HigherIsBetter, null),
        [Resolved] = new(Resolved, "Hồ sơ đã giải quyết", "hồ sơ", Agg.Last, Direction.HigherIsBetter, null),
        [IndicatorCode.Parse("on-time-rate")] = new(IndicatorCode.Parse("on-time-rate"), "Tỷ lệ đúng hạn", "%", Agg.Ratio,
            Direction.HigherIsBetter, null, Ratio: new RatioDefinition(OnTime, Resolved, 100m)),
    };

    private static readonly Month August = new(2022, 8);

    private static QualityContext Context(params (Month Month, decimal Value)[] forest) =>
        new(Catalogue, forest.ToDictionary(f => (Forest.Value, f.Month), f => f.Value));

    private static (Month, decimal)[] SteadyYear() =>
        Enumerable.Range(1, 7).Select(m => (new Month(2022, m), 10m + m % 3)).ToArray();

    [Fact]
    public void A_value_far_outside_the_units_history_is_an_outlier()
    {
        var warning = Assert.Single(FigureWarnings.Check([new(Forest, 500m)], August, Context(SteadyYear())));
        Assert.Equal((Forest, FigureWarnings.Outlier), (warning.Indicator, warning.Code));
    }

    [Fact]
    public void A_value_within_its_history_raises_nothing() =>
        Assert.Empty(FigureWarnings.Check([new(Forest, 12m)], August, Context(SteadyYear())));

    [Fact]
    public void The_robust_z_score_ignores_one_earlier_outlier()
    {
        // A mean and standard deviation would be dragged by the 1000 (mean 152: 20 would look low); the median and MAD are not.
        var z = FigureWarnings.RobustZ(20m, [10m, 11m, 12m, 10m, 11m, 12m, 1000m]);
        Assert.True(z > 3.5m, $"z = {z}");
    }

    [Fact]
    public void With_little_history_the_same_month_last_year_is_the_yardstick()
    {
        var context = Context((new Month(2021, 8), 10m));
        Assert.Equal(FigureWarnings.Outlier, Assert.Single(FigureWarnings.Check([new(Forest, 25m)], August, context)).Code);
        Assert.Empty(FigureWarnings.Check([new(Forest, 15m)], August, context));
    }

    [Fact]
    public void A_flow_missing_a_month_this_year_is_named()
    {
        var warning = Assert.Single(FigureWarnings.Check([new(Forest, 10m)], August, Context((new Month(2022, 5), 10m), (new Month(2022, 7), 11m))));
        Assert.Equal(FigureWarnings.MissingMonth, warning.Code);
        Assert.Contains("2022-06", warning.Message);
    }

    [Fact]
    public void A_numerator_above_its_denominator_is_a_warning()
    {
        var warnings = FigureWarnings.Check([new(OnTime, 12m), new(Resolved, 10m)], August, new(Catalogue, new Dictionary<(string, Month), decimal>()));
        Assert.Equal((OnTime, FigureWarnings.NumeratorAboveDenominator), (Assert.Single(warnings).Indicator, warnings[0].Code));
    }
}
