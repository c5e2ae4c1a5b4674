using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Catalogue;

public class PlausibleRangeTests
{
    private static Indicator Hectares => new(new IndicatorCode("forest-planted"), "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null);

    private static Indicator Coverage => new(new IndicatorCode("insurance-coverage"), "Bảo hiểm y tế", "%", Agg.Last, Direction.HigherIsBetter, null);

    private static IReadOnlyList<Errors.DomainError> Validate(Indicator indicator, decimal value) =>
        FigureValidation.Validate([new FigureValue(indicator.Code, value)], c => c == indicator.Code ? indicator : null,
            new Month(2022, 8), new DateOnly(2022, 9, 1));

    [Fact]
    public void Given_a_flow_when_a_figure_of_10_to_the_15_is_reported_then_it_is_accepted() =>
        Assert.Empty(Validate(Hectares, PlausibleRange.Limit));

    [Theory]
    [InlineData("1000000000000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("7000000000000000000000000000")]
    public void Given_a_flow_when_a_figure_beyond_10_to_the_15_is_reported_then_it_is_out_of_range_naming_the_value(string value)
    {
        var error = Assert.Single(Validate(Hectares, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("value-out-of-range", error.Code);
        Assert.Equal("values[0].value", error.Field);
    }

    [Fact]
    public void Given_a_percentage_when_101_is_reported_then_it_is_out_of_range_but_100_is_not()
    {
        Assert.Empty(Validate(Coverage, 100m));
        Assert.Equal("value-out-of-range", Assert.Single(Validate(Coverage, 100.01m)).Code);
    }

    [Fact]
    public void Given_a_percentage_that_allows_more_when_108_5_is_reported_then_it_is_accepted() =>
        Assert.Empty(Validate(Coverage with { MaxValue = 1000m }, 108.5m));

    [Fact]
    public void Given_a_tighter_catalogue_range_when_a_figure_outside_it_is_reported_then_it_is_rejected() =>
        Assert.Single(Validate(Hectares with { MinValue = 10m, MaxValue = 20m }, 21m));

    [Fact]
    public void Given_an_indicator_command_with_bounds_beyond_10_to_the_15_then_it_is_rejected_naming_the_field()
    {
        var command = new DefineIndicator(Hectares.Code, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null, MaxValue: 1e16m);
        var decision = IndicatorDecider.Decide(command, null);
        Assert.Equal("maxValue", decision.Error?.Field);
    }

    [Fact]
    public void Given_an_indicator_command_whose_min_is_above_its_max_then_it_is_rejected()
    {
        var command = new DefineIndicator(Hectares.Code, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null, MinValue: 5m, MaxValue: 1m);
        Assert.Equal("range-inverted", IndicatorDecider.Decide(command, null).Error?.Code);
    }

    [Fact]
    public void Given_a_definition_with_bounds_when_decided_then_the_event_carries_them_and_evolve_keeps_them()
    {
        var command = new DefineIndicator(Hectares.Code, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null, MinValue: 0m, MaxValue: 5000m);
        var defined = Assert.IsType<IndicatorDefined>(Assert.Single(IndicatorDecider.Decide(command, null).Events));
        Assert.Equal((0m, 5000m), (defined.MinValue, defined.MaxValue));
        Assert.Equal(new PlausibleRange(0m, 5000m), IndicatorDecider.Fold([defined])!.Range);
    }

    [Fact]
    public void An_indicator_event_stored_before_the_bounds_existed_still_loads_with_the_default_range()
    {
        const string old = """{"code":"forest-planted","name":"Trồng rừng","measure":"ha","aggregation":"sum","direction":"higher-is-better","sector":null,"allowsNegative":false}""";
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower) },
        };
        var e = System.Text.Json.JsonSerializer.Deserialize<IndicatorDefined>(old, options)!;
        Assert.Equal(PlausibleRange.Default, IndicatorDecider.Fold([e])!.Range);
    }
}
