using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Reports;

public class FigureValidationTests
{
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    private static readonly IndicatorCode Growth = IndicatorCode.Parse("grdp-growth");
    private static readonly IndicatorCode Unknown = IndicatorCode.Parse("unknown-thing");
    private static readonly Month August = new(2022, 8);
    private static readonly DateOnly Today = new(2022, 9, 2);

    private static Indicator? Catalogue(IndicatorCode code) =>
        code == Forest ? new Indicator(Forest, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null)
        : code == Growth ? new Indicator(Growth, "Tăng trưởng GRDP", "%", Agg.Last, Direction.HigherIsBetter, null, AllowsNegative: true)
        : null;

    [Fact]
    public void Valid_figures_have_no_errors() =>
        Assert.Empty(FigureValidation.Validate([new(Forest, 175.158m), new(Growth, -1.6m)], Catalogue, August, Today));

    [Fact]
    public void Reports_every_problem_with_its_field()
    {
        var errors = FigureValidation.Validate(
            [new(Forest, 1m), new(Unknown, 2m), new(Forest, 3m), new(Growth, -2m)],
            Catalogue, August, Today);
        Assert.Equal([("unknown-indicator", "values[1].indicator"), ("duplicate-indicator", "values[2].indicator")],
            errors.Select(e => (e.Code, e.Field!)));
    }

    [Fact]
    public void A_negative_flow_is_rejected_on_its_value()
    {
        var error = Assert.Single(FigureValidation.Validate([new(Growth, 1m), new(Forest, -673m)], Catalogue, August, Today));
        Assert.Equal(("negative-value", "values[1].value"), (error.Code, error.Field));
    }

    [Fact]
    public void A_month_that_has_not_started_is_rejected()
    {
        var error = Assert.Single(FigureValidation.Validate([new(Forest, 1m)], Catalogue, new Month(2022, 10), Today));
        Assert.Equal(("future-month", "month"), (error.Code, error.Field));
    }

    [Fact]
    public void The_current_month_may_be_reported() =>
        Assert.Empty(FigureValidation.Validate([new(Forest, 1m)], Catalogue, new Month(2022, 9), Today));
}
