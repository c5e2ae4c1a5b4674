using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

public class PerformanceViewTests
{
    [Theory]
    [InlineData("month", "2022-08", "2022-08", "Tháng 8/2022")]
    [InlineData("quarter", "2022-07", "2022-09", "Quý III/2022")]
    [InlineData("quarter-to-date", "2022-07", "2022-08", "Tháng 7–8/2022")]
    [InlineData("half", "2022-07", "2022-12", "6 tháng cuối năm 2022")]
    [InlineData("nine-months", "2022-01", "2022-09", "9 tháng đầu năm 2022")]
    [InlineData("ytd", "2022-01", "2022-08", "8 tháng đầu năm 2022")]
    [InlineData("year", "2022-01", "2022-12", "Năm 2022")]
    public void Ranges_and_labels_for_august(string api, string from, string to, string label)
    {
        var view = PerformanceViews.Parse(api);
        Assert.Equal(api, view.ToApiString());
        var range = PerformanceViews.Range(view, new Month(2022, 8));
        Assert.Equal((Month.Parse(from), Month.Parse(to)), range);
        Assert.Equal(label, PerformanceViews.Label(view, new Month(2022, 8)));
    }

    [Fact]
    public void First_half_and_quarter_to_date_at_quarter_start()
    {
        Assert.Equal("6 tháng đầu năm 2022", PerformanceViews.Label(PerformanceView.Ytd, new Month(2022, 6)));
        Assert.Equal("6 tháng đầu năm 2022", PerformanceViews.Label(PerformanceView.Half, new Month(2022, 2)));
        Assert.Equal("Tháng 7/2022", PerformanceViews.Label(PerformanceView.QuarterToDate, new Month(2022, 7)));
        Assert.Equal("Quý III/2022", PerformanceViews.Label(PerformanceView.QuarterToDate, new Month(2022, 9)));
    }

    [Fact]
    public void Rejects_unknown_views_listing_the_known_ones()
    {
        Assert.False(PerformanceViews.TryParse("weekly", out _, out var error));
        Assert.Contains("quarter-to-date", error);
    }

    [Fact]
    public void Lists_the_months_a_view_expects()
    {
        Assert.Equal(8, PerformanceViews.Months(PerformanceView.Ytd, new Month(2022, 8)).Count);
        Assert.Equal([new Month(2022, 7), new Month(2022, 8)], PerformanceViews.Months(PerformanceView.QuarterToDate, new Month(2022, 8)));
    }
}
