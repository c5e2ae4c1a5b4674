using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

/// <summary>Where one period meets the next: the first and last months, June and July, a month against itself.</summary>
public class PeriodBoundaryTests
{
    [Fact]
    public void Given_june_and_july_when_halved_then_june_closes_the_first_half_and_july_opens_the_second() =>
        Assert.Equal((1, 2), (new Month(2022, 6).Half, new Month(2022, 7).Half));

    [Fact]
    public void Given_a_month_compared_with_itself_then_it_is_neither_before_nor_after_it()
    {
        var august = new Month(2022, 8);
        var same = new Month(2022, 8);
        Assert.False(august < same);
        Assert.False(august > same);
        Assert.True(august >= same);
        Assert.True(august <= same);
    }

    [Fact]
    public void Given_the_third_quarter_then_it_holds_july_and_september_and_nothing_either_side()
    {
        var q3 = Period.OfQuarter(2022, 3);
        Assert.True(q3.Contains(new Month(2022, 7)));
        Assert.True(q3.Contains(new Month(2022, 9)));
        Assert.False(q3.Contains(new Month(2022, 6)));
        Assert.False(q3.Contains(new Month(2022, 10)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Given_a_quarter_outside_one_to_four_then_there_is_no_such_period(int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfQuarter(2022, quarter));

    [Theory]
    [InlineData(1, 6, "6 tháng đầu năm 2022")]
    [InlineData(2, 6, "Tháng 2–6/2022")]
    [InlineData(1, 8, "8 tháng đầu năm 2022")]
    [InlineData(7, 12, "6 tháng cuối năm 2022")]
    [InlineData(1, 3, "Quý I/2022")]
    [InlineData(4, 6, "Quý II/2022")]
    [InlineData(10, 12, "Quý IV/2022")]
    public void Given_a_run_of_months_then_the_briefing_names_it_as_the_seeds_do(int from, int to, string label) =>
        Assert.Equal(label, PerformanceViews.RangeLabel(new Month(2022, from), new Month(2022, to)));

    [Theory]
    [InlineData("2022S12")]
    [InlineData("2022S3")]
    [InlineData("2022X1")]
    [InlineData("2022-1x")]
    public void Given_a_malformed_period_id_then_it_does_not_parse(string text) =>
        Assert.False(Period.TryParse(text, out _, out _));

    [Fact]
    public void Given_a_submission_at_01_00_on_the_6th_in_vietnam_when_timed_in_utc_then_the_units_own_offset_decides()
    {
        var calendar = new ReportingCalendar();
        var instant = new DateTimeOffset(2022, 9, 5, 18, 0, 0, TimeSpan.Zero); // 01:00 on 6 September in Vietnam
        Assert.Equal(new DateOnly(2022, 9, 6), ReportingCalendar.LocalDate(instant));
        Assert.Equal(new DateOnly(2022, 9, 5), ReportingCalendar.LocalDate(instant, TimeSpan.Zero));
        // The commune deadline for August 2022 is Monday 5 September (three working days after the 31st).
        Assert.False(calendar.IsOnTime(Period.OfMonth(new Month(2022, 8)), UnitLevel.Commune, instant));
        Assert.True(calendar.IsOnTime(Period.OfMonth(new Month(2022, 8)), UnitLevel.Commune, instant, TimeSpan.Zero));
    }
}
