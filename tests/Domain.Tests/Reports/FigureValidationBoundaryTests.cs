using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Reports;

/// <summary>The edges of what a unit may report: the month's first day, a zero, the same unknown code twice.</summary>
public class FigureValidationBoundaryTests
{
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    private static readonly IndicatorCode Unknown = IndicatorCode.Parse("unknown-thing");

    private static Indicator? Catalogue(IndicatorCode code) =>
        code == Forest ? new Indicator(Forest, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null) : null;

    [Fact]
    public void Given_the_first_day_of_september_when_septembers_figures_come_then_the_month_has_started() =>
        Assert.Empty(FigureValidation.Validate([new(Forest, 1m)], Catalogue, new Month(2022, 9), new DateOnly(2022, 9, 1)));

    [Fact]
    public void Given_the_last_day_of_august_when_septembers_figures_come_then_they_are_for_a_future_month() =>
        Assert.Equal("future-month", Assert.Single(
            FigureValidation.Validate([new(Forest, 1m)], Catalogue, new Month(2022, 9), new DateOnly(2022, 8, 31))).Code);

    [Fact]
    public void Given_no_forest_planted_this_month_when_zero_is_reported_then_it_is_a_valid_figure() =>
        Assert.Empty(FigureValidation.Validate([new(Forest, 0m)], Catalogue, new Month(2022, 8), new DateOnly(2022, 9, 2)));

    [Fact]
    public void Given_an_unknown_code_twice_then_the_second_is_reported_once_as_a_duplicate()
    {
        var errors = FigureValidation.Validate([new(Unknown, 1m), new(Unknown, 2m)], Catalogue, new Month(2022, 8), new DateOnly(2022, 9, 2));

        Assert.Equal([("unknown-indicator", "values[0].indicator"), ("duplicate-indicator", "values[1].indicator")],
            errors.Select(e => (e.Code, e.Field)));
    }
}
