using Agg = GovReport.Domain.Catalogue.Aggregation;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;

namespace GovReport.Domain.Tests.Catalogue;

public class RatioRulesTests
{
    private static readonly IndicatorCode OnTime = IndicatorCode.Parse("dossiers-on-time");
    private static readonly IndicatorCode Resolved = IndicatorCode.Parse("dossiers-resolved");
    private static readonly IndicatorCode RateCode = IndicatorCode.Parse("on-time-rate");

    private static readonly Dictionary<IndicatorCode, Indicator> Catalogue = new()
    {
        [OnTime] = new(OnTime, "Hồ sơ đúng hạn", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null),
        [Resolved] = new(Resolved, "Hồ sơ đã giải quyết", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null),
        [RateCode] = new(RateCode, "Tỷ lệ", "%", Agg.Ratio, Direction.HigherIsBetter, null, Ratio: new RatioDefinition(OnTime, Resolved, 100m)),
    };

    private static DefineIndicator Ratio(string code, IndicatorCode numerator, IndicatorCode denominator, decimal scale = 100m) =>
        new(IndicatorCode.Parse(code), "Tỷ lệ", "%", Agg.Ratio, Direction.HigherIsBetter, null, Ratio: new RatioDefinition(numerator, denominator, scale));

    [Fact]
    public void Parts_units_report_make_a_valid_ratio() =>
        Assert.Null(RatioRules.CheckAgainst(Ratio("rate-2", OnTime, Resolved), Catalogue));

    [Fact]
    public void An_unknown_part_is_named() =>
        Assert.Equal(("unknown-indicator", "denominator"),
            Field(RatioRules.CheckAgainst(Ratio("rate-2", OnTime, IndicatorCode.Parse("nowhere")), Catalogue)));

    [Fact]
    public void A_ratio_cannot_divide_a_ratio() =>
        Assert.Equal((ErrorCodes.RatioPartInvalid, "numerator"), Field(RatioRules.CheckAgainst(Ratio("rate-2", RateCode, Resolved), Catalogue)));

    [Fact]
    public void A_ratio_cannot_be_its_own_part() =>
        Assert.Equal((ErrorCodes.RatioCycle, "denominator"), Field(RatioRules.CheckAgainst(Ratio("rate-2", OnTime, IndicatorCode.Parse("rate-2")), Catalogue)));

    [Fact]
    public void A_part_of_a_ratio_cannot_become_a_ratio() =>
        Assert.Equal((ErrorCodes.RatioCycle, "aggregation"), Field(RatioRules.CheckAgainst(Ratio("dossiers-on-time", Resolved, Resolved), Catalogue)));

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(10_000_000)]
    public void The_scale_is_positive_and_bounded(decimal scale) =>
        Assert.Equal((ErrorCodes.InvalidScale, "scale"), Field(RatioRules.CheckShape(Ratio("rate-2", OnTime, Resolved, scale))));

    [Fact]
    public void A_ratio_without_parts_is_refused_and_parts_without_ratio_too()
    {
        var noParts = new DefineIndicator(RateCode, "Tỷ lệ", "%", Agg.Ratio, Direction.HigherIsBetter, null);
        Assert.Equal((ErrorCodes.RatioPartRequired, "numerator"), Field(RatioRules.CheckShape(noParts)));
        var partsOnSum = Ratio("rate-2", OnTime, Resolved) with { Aggregation = Agg.Sum };
        Assert.Equal((ErrorCodes.RatioPartInvalid, "numerator"), Field(RatioRules.CheckShape(partsOnSum)));
    }

    [Fact]
    public void The_decider_records_a_ratio_and_folds_it_back()
    {
        var command = Ratio("rate-2", OnTime, Resolved, 1000m);
        var decision = IndicatorDecider.Decide(command, null);
        var defined = Assert.IsType<IndicatorDefined>(Assert.Single(decision.Events));
        Assert.Equal((OnTime, Resolved, 1000m), (defined.Numerator!.Value, defined.Denominator!.Value, defined.Scale!.Value));
        Assert.Equal(new RatioDefinition(OnTime, Resolved, 1000m), IndicatorDecider.Fold([defined])!.Ratio);
    }

    private static (string, string?) Field(DomainError? error) => (error!.Code, error.Field);
}
