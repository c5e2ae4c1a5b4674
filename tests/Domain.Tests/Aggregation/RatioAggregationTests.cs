using GovReport.Domain.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Rollups;

/// <summary>
/// A ratio is scale × Σ numerator / Σ denominator over what it covers. The examples are chosen so
/// the mean of the rates differs from the rate of the sums: a test that passed on either proves nothing.
/// </summary>
public class RatioAggregationTests
{
    private static readonly IndicatorCode OnTime = IndicatorCode.Parse("dossiers-on-time");
    private static readonly IndicatorCode Resolved = IndicatorCode.Parse("dossiers-resolved");
    private static readonly Indicator OnTimeDef = new(OnTime, "Hồ sơ đúng hạn", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null);
    private static readonly Indicator ResolvedDef = new(Resolved, "Hồ sơ đã giải quyết", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null);
    private static readonly Indicator Rate = new(IndicatorCode.Parse("on-time-rate"), "Tỷ lệ hồ sơ đúng hạn", "%", Agg.Ratio,
        Direction.HigherIsBetter, null, Ratio: new RatioDefinition(OnTime, Resolved, 100m));

    private static Indicator? Catalogue(IndicatorCode code) => code == OnTime ? OnTimeDef : code == Resolved ? ResolvedDef : null;

    private static readonly Month July = new(2022, 7), August = new(2022, 8), September = new(2022, 9);

    private static SpanFigure Over(Dictionary<(string, Month), decimal> figures, params Month[] months) =>
        IndicatorSpan.Over(Rate, figures, months, Catalogue);

    [Fact]
    public void A_month_is_scale_times_numerator_over_denominator()
    {
        var figures = new Dictionary<(string, Month), decimal> { [("dossiers-on-time", July)] = 9m, [("dossiers-resolved", July)] = 10m };
        Assert.Equal(new SpanFigure(90m, 1), Over(figures, July));
    }

    [Fact]
    public void A_city_rolled_up_is_the_sum_of_numerators_over_the_sum_of_denominators_not_the_mean_of_rates()
    {
        // Commune A: 9 of 10 on time (90 %); commune B: 10 of 100 (10 %). The mean of rates is 50 %;
        // the city resolved 19 of 110 on time: 17.27 %. The roll-up adds the parts (UnitRollup), then divides.
        var numerator = UnitRollup.AcrossUnits(Agg.Sum, [9m, 10m])!.Value;
        var denominator = UnitRollup.AcrossUnits(Agg.Sum, [10m, 100m])!.Value;
        var city = new Dictionary<(string, Month), decimal> { [("dossiers-on-time", July)] = numerator, [("dossiers-resolved", July)] = denominator };

        var rate = Over(city, July).Value!.Value;
        Assert.Equal(1900m / 110m, rate);
        Assert.NotEqual(50m, Math.Round(rate, 2));
    }

    [Fact]
    public void Months_combine_the_same_way_sums_of_parts_divided()
    {
        // July 1/2 (50 %), August 30/40 (75 %), September 0/8 (0 %): the quarter is 31/50 = 62 %, not the mean 41.67 %.
        var figures = new Dictionary<(string, Month), decimal>
        {
            [("dossiers-on-time", July)] = 1m, [("dossiers-resolved", July)] = 2m,
            [("dossiers-on-time", August)] = 30m, [("dossiers-resolved", August)] = 40m,
            [("dossiers-on-time", September)] = 0m, [("dossiers-resolved", September)] = 8m,
        };
        Assert.Equal(new SpanFigure(62m, 3), Over(figures, July, August, September));
    }

    [Fact]
    public void A_zero_denominator_is_no_figure()
    {
        var figures = new Dictionary<(string, Month), decimal> { [("dossiers-on-time", July)] = 0m, [("dossiers-resolved", July)] = 0m };
        Assert.Null(Over(figures, July).Value);
    }

    [Fact]
    public void A_month_with_only_one_part_does_not_count()
    {
        var figures = new Dictionary<(string, Month), decimal>
        {
            [("dossiers-on-time", July)] = 5m, [("dossiers-resolved", July)] = 10m,
            [("dossiers-on-time", August)] = 40m,
        };
        Assert.Equal(new SpanFigure(50m, 1), Over(figures, July, August));
    }

    [Fact]
    public void Level_parts_are_taken_at_the_latest_month()
    {
        var poor = new Indicator(IndicatorCode.Parse("poor-households"), "Hộ nghèo", "hộ", Agg.Last, Direction.LowerIsBetter, null);
        var all = new Indicator(IndicatorCode.Parse("households"), "Hộ dân", "hộ", Agg.Last, Direction.HigherIsBetter, null);
        var ratio = new RatioDefinition(poor.Code, all.Code, 100m);
        var figure = RatioAggregation.Over(ratio, Agg.Last, [new(July, 50m), new(August, 40m)], Agg.Last, [new(July, 1000m), new(August, 1000m)]);
        Assert.Equal(new SpanFigure(4m, 2), figure);
    }

    [Fact]
    public void The_scale_multiplies_a_rate_per_thousand()
    {
        var perThousand = Rate with { Ratio = new RatioDefinition(OnTime, Resolved, 1000m) };
        var figures = new Dictionary<(string, Month), decimal> { [("dossiers-on-time", July)] = 3m, [("dossiers-resolved", July)] = 4000m };
        Assert.Equal(0.75m, IndicatorSpan.Over(perThousand, figures, [July], Catalogue).Value);
    }

    [Fact]
    public void A_ratio_whose_part_is_missing_from_the_catalogue_has_no_figure()
    {
        var figures = new Dictionary<(string, Month), decimal> { [("dossiers-on-time", July)] = 1m, [("dossiers-resolved", July)] = 2m };
        Assert.Equal(new SpanFigure(null, 0), IndicatorSpan.Over(Rate, figures, [July], _ => null));
    }

    [Fact]
    public void A_reported_indicator_aggregates_its_own_way()
    {
        var figures = new Dictionary<(string, Month), decimal> { [("dossiers-resolved", July)] = 2m, [("dossiers-resolved", August)] = 3m };
        Assert.Equal(new SpanFigure(5m, 2), IndicatorSpan.Over(ResolvedDef, figures, [July, August, September], Catalogue));
    }
}
